"use client";

import { useEffect, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";

type SessionUser = { name: string; role: string; area: string };

/**
 * next-auth's client (and the Babel runtime it brings) is loaded when the button is pressed, not
 * with every page: the header is on all of them, and few visitors sign out (docs/decisions/036-page-weight.md).
 */
async function signOutTo(callbackUrl: string) {
  const { signOut } = await import("next-auth/react");
  await signOut({ callbackUrl });
}

/**
 * The header's account part: "Sign in", or who is signed in, their area and sign-out.
 * Public pages are cached for everyone (docs/cache.md, "The header"), so the per-user part
 * is asked by the browser of /api/session on each page load and never rendered into a page.
 */
export function HeaderAccount() {
  const t = useTranslations("nav");
  const auth = useTranslations("auth");
  const locale = useLocale();
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);

  useEffect(() => {
    let live = true;
    fetch("/api/session", { cache: "no-store", credentials: "same-origin" })
      .then((r) => (r.ok ? r.json() : { user: null }))
      .then((body: { user: SessionUser | null }) => live && setUser(body.user))
      .catch(() => live && setUser(null));
    return () => {
      live = false;
    };
  }, []);

  const link = "account-link";
  if (!user) {
    // Until the answer arrives (and for visitors) the header offers to sign in.
    return (
      <li data-testid="header-sign-in">
        <Link href="/sign-in" className={link}>
          {t("signIn")}
        </Link>
      </li>
    );
  }
  return (
    <>
      <li data-testid="header-user" className="text-slate-200">
        {auth("signedInAs", { name: user.name })}
      </li>
      <li>
        <Link href={user.area} className={link} data-testid="header-area">
          {t("myArea")}
        </Link>
      </li>
      <li>
        <button type="button" data-testid="header-sign-out" onClick={() => void signOutTo(`/${locale}`)} className={`${link} cursor-pointer`}>
          {t("signOut")}
        </button>
      </li>
    </>
  );
}
