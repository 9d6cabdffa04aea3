import { ClientMessages } from "@/lib/i18n/client-messages";
import { pageLocale } from "@/lib/i18n/page-locale";

// The account's own pages render per request, under the nonce-based policy (proxy.ts).
export const dynamic = "force-dynamic";

// The account's forms: their messages only (docs/decisions/036-page-weight.md; tests/unit/client-messages.test.ts).
export default async function AccountLayout({ children, params }: LayoutProps<"/[locale]/account">) {
  const locale = await pageLocale(params);
  return (
    <ClientMessages locale={locale} namespaces={["errorPages"]}>
      {children}
    </ClientMessages>
  );
}
