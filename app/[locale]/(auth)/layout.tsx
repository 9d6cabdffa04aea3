import { ClientMessages } from "@/lib/i18n/client-messages";
import { pageLocale } from "@/lib/i18n/page-locale";

// Sign-in and sign-out render per request, under the nonce-based policy.
export const dynamic = "force-dynamic";

// The sign-in forms: their messages only (docs/decisions/036-page-weight.md; tests/unit/client-messages.test.ts).
export default async function AuthLayout({ children, params }: LayoutProps<"/[locale]">) {
  const locale = await pageLocale(params);
  return (
    <ClientMessages locale={locale} namespaces={["errorPages", "auth", "signInLimits"]}>
      {children}
    </ClientMessages>
  );
}
