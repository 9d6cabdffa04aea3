import { areaLayout } from "@/components/areas/area-pages";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { pageLocale } from "@/lib/i18n/page-locale";

const AdminAreaLayout = areaLayout("admin", "enter:admin-area:any");

// The console's client components: confirmations, forms: their messages only (docs/decisions/036-page-weight.md; tests/unit/client-messages.test.ts).
export default async function AdminLayout(props: LayoutProps<"/[locale]/admin">) {
  const locale = await pageLocale(props.params);
  return (
    <ClientMessages locale={locale} namespaces={["errorPages", "confirm"]}>
      <AdminAreaLayout {...props} />
    </ClientMessages>
  );
}

// Signed-in pages render per request (their nonce-based policy needs it).
export const dynamic = "force-dynamic";
