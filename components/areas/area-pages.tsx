import type { ReactNode } from "react";
import { pageLocale } from "@/lib/i18n/page-locale";
import { requireArea } from "@/lib/auth/area";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Permission } from "@/lib/auth/permissions";
import { AreaOverview, AreaShell, type AreaKey } from "./area-shell";

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

export function areaOverviewPage(
  area: AreaKey,
  permission: Permission,
  extra?: (user: CurrentUser, locale: string) => Promise<ReactNode>,
) {
  return async function AreaPage({ params }: Params) {
    const locale = await pageLocale(params);
    const user = await requireArea(locale, permission, `/${area}`);
    return <AreaOverview area={area}>{extra ? await extra(user, locale) : null}</AreaOverview>;
  };
}
