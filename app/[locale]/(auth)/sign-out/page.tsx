import { pageLocale } from "@/lib/i18n/page-locale";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { getCurrentUser } from "@/lib/auth/current-user";
import { readSessionCookie } from "@/lib/auth/user-session";

export async function generateMetadata({ params }: PageProps<"/[locale]/sign-out">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "auth" });
  return { title: t("signOutTitle") };
}

export default async function SignOutPage({ params }: PageProps<"/[locale]/sign-out">) {
  const locale = await pageLocale(params);
  const t = await getTranslations({ locale, namespace: "auth" });
  const roles = await getTranslations({ locale, namespace: "roles" });
  const user = await getCurrentUser();
  // Signed in with the password, second factor not yet given: that session can be ended too
  // (docs/decisions/022-sessions-and-sign-in-limits.md).
  const pending = user ? null : await readSessionCookie();
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-3xl font-bold">{t("signOutTitle")}</h1>
      {user ? (
        <>
          <p>{t("signOutIntro", { name: user.name, role: roles(user.role) })}</p>
          <SignOutButton label={t("signOutSubmit")} callbackUrl={`/${locale}`} />
        </>
      ) : pending ? (
        <SignOutButton label={t("signOutSubmit")} callbackUrl={`/${locale}`} />
      ) : (
        <p>{t("signedOut")}</p>
      )}
    </div>
  );
}
