"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { SSO_PROVIDER_ID } from "@/lib/sign-in/sso-codes";

/**
 * Members' single sign-on (docs/decisions/010). next-auth's `signIn` fetches its CSRF token,
 * posts to its own sign-in route and then navigates to the provider: a navigation, which the
 * page's `form-action 'self'` policy does not restrict.
 */
export function SsoButton({ providerName, next }: { providerName: string | null; next: string }) {
  const t = useTranslations("auth");
  const [pending, setPending] = useState(false);
  const name = providerName ?? t("ssoDefaultName");

  async function onClick() {
    setPending(true);
    try {
      await signIn(SSO_PROVIDER_ID, { callbackUrl: next });
    } catch {
      setPending(false);
    }
  }

  return (
    <button
      type="button"
      onClick={onClick}
      disabled={pending}
      aria-busy={pending || undefined}
      data-testid="sso-sign-in"
      className="w-full rounded border-2 border-brand-700 bg-white px-4 py-2 font-medium text-brand-800 hover:bg-brand-50 disabled:opacity-70"
    >
      {pending ? t("ssoRedirecting", { name }) : t("ssoButton", { name })}
    </button>
  );
}
