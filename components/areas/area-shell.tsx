import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { CurrentUser } from "@/lib/auth/current-user";
import { mayEnrolSecondFactor } from "@/lib/auth/second-factor-rule";
import { demoResetAvailable } from "@/lib/demo/availability";
import { Link } from "@/lib/i18n/navigation";

export type AreaKey = "admin" | "chair" | "my" | "ethics" | "member";

// The secretariat's console sections (one page each under /admin).
/** The console's pages across conferences; each conference's own are under /admin/conferences/[slug] (docs/decisions/012). */
export const ADMIN_SECTIONS = ["users", "audit"] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

/** Frame of a signed-in area: who is signed in, the area's navigation, then its page. */
export async function AreaShell({ area, user, children }: { area: AreaKey; user: CurrentUser; children: ReactNode }) {
  const t = await getTranslations("areas");
  const nav = await getTranslations("nav");
  const common = await getTranslations("common");
  const roles = await getTranslations("roles");
  const admin = await getTranslations("admin.nav");
  const secondFactor = await getTranslations("secondFactor");
  const accountLanguage = await getTranslations("accountLanguage");
  const links =
    area === "admin"
      ? [
          { href: "/admin", label: admin("conferences") },
          ...ADMIN_SECTIONS.map((s) => ({ href: `/admin/${s}`, label: admin(s) })),
          // Only in the local demo (docs/decisions/017-demo-reset.md).
          ...(demoResetAvailable() ? [{ href: "/admin/demo", label: admin("demo") }] : []),
        ]
      : [{ href: `/${area}`, label: t(`${area}.title`) }];
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4 border-b border-slate-200 pb-4">
        {/* Who is signed in is the site header's (components/layout/header-account.tsx); the area says the role. */}
        <p className="text-sm text-slate-700" data-testid="area-role">
          {roles(user.role)}
        </p>
        {/* Not prefetched: these pages render per request, and a page that refreshes itself (the
            chair's console after every move) would have each of them rendered again each time. */}
        <nav aria-label={common("areaNavigation")}>
          <ul className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
            {links.map((link) => (
              <li key={link.href}>
                <Link href={link.href} prefetch={false} className="text-brand-700 underline underline-offset-4">
                  {link.label}
                </Link>
              </li>
            ))}
            {mayEnrolSecondFactor(user.role) ? (
              <li>
                <Link href="/account/security" prefetch={false} className="text-brand-700 underline underline-offset-4">
                  {secondFactor("navLink")}
                </Link>
              </li>
            ) : null}
            <li>
              <Link href="/account/language" prefetch={false} className="text-brand-700 underline underline-offset-4">
                {accountLanguage("navLink")}
              </Link>
            </li>
            <li>
              <Link href="/sign-out" prefetch={false} className="text-brand-700 underline underline-offset-4">
                {nav("signOut")}
              </Link>
            </li>
          </ul>
        </nav>
      </div>
      {children}
    </div>
  );
}
