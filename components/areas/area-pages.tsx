import type { ReactNode } from "react";
import { pageLocale } from "@/lib/i18n/page-locale";
import { requireArea } from "@/lib/auth/area";
import { failForTest } from "@/lib/site/fail-for-test";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Permission } from "@/lib/auth/permissions";
import { AreaShell, type AreaKey } from "./area-shell";

type Params = { params: Promise<{ locale: string }> };

// Layout and page of an area both check the caller: a layout is not re-run on every
// navigation, so it cannot be the only gate.

export function areaLayout(area: AreaKey, permission: Permission) {
  return async function AreaLayout({ children, params }: Params & { children: ReactNode }) {
    const locale = await pageLocale(params);
    const user = await requireArea(locale, permission, `/${area}`);
    return (
      <AreaShell area={area} user={user}>
        {children}
      </AreaShell>
    );
  };
}

type AreaPageContext<P> = {
  user: CurrentUser;
  locale: string;
  params: P;
  searchParams: Record<string, string | string[] | undefined>;
};

/**
 * A page of a signed-in area: checks the caller, then renders. `path` is the page's own
 * path under the locale, for the sign-in redirect.
 */
function areaPage(permission: Permission) {
  return function page<P extends Record<string, string>>(path: string, render: (context: AreaPageContext<P>) => Promise<ReactNode>) {
    return async function AreaPage({
      params,
      searchParams,
    }: {
      params: Promise<P & { locale: string }>;
      searchParams: Promise<Record<string, string | string[] | undefined>>;
    }) {
      const locale = await pageLocale(params);
      const user = await requireArea(locale, permission, path);
      failForTest(`${path} ${user.id}`);
      return render({ user, locale, params: await params, searchParams: await searchParams });
    };
  };
}

/** A page of the secretariat's console. */
export const adminPage = areaPage("enter:admin-area:any");
/** A page of the Ethics Office. */
export const ethicsPage = areaPage("enter:ethics-area:any");
/** A page of the chair's console (the hearing it shows must still be checked as the chair's own). */
export const chairPage = areaPage("enter:chair-area:any");
/** A page of the candidate's workspace (the records it shows must still be checked as the candidate's own). */
export const workspacePage = areaPage("enter:workspace:own");
