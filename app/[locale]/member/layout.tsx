import { areaLayout } from "@/components/areas/area-pages";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { pageLocale } from "@/lib/i18n/page-locale";

const MemberAreaLayout = areaLayout("member", "enter:member-area:any");

// The members' times in their own zone: their messages only (docs/decisions/036-page-weight.md; tests/unit/client-messages.test.ts).
export default async function MemberLayout(props: LayoutProps<"/[locale]/member">) {
  const locale = await pageLocale(props.params);
  return (
    <ClientMessages locale={locale} namespaces={["errorPages", "time"]}>
      <MemberAreaLayout {...props} />
    </ClientMessages>
  );
}

// Signed-in pages render per request (their nonce-based policy needs it).
export const dynamic = "force-dynamic";
