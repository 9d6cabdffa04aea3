import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { CurrentUser } from "@/lib/auth/current-user";
import { Link } from "@/lib/i18n/navigation";

export type AreaKey = "admin" | "chair" | "my" | "ethics" | "member";

/** Frame of a signed-in area: who is signed in, the area's navigation, then its page. */
export async function AreaShell({ area, user, children }: { area: AreaKey; user: CurrentUser; children: ReactNode }) {
  const t = await getTranslations("areas");
  const nav = await getTranslations("nav");
  const auth = await getTranslations("auth");
  const common = await getTranslations("common");
  const roles = await getTranslations("roles");
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4 border-b border-slate-200 pb-4">
        <p className="text-sm text-slate-700">
          {auth("signedInAs", { name: user.name })} · {roles(user.role)}
        </p>
        <nav aria-label={common("areaNavigation")}>
          <ul className="flex gap-4 text-sm">
            <li>
              <Link href={`/${area}`} className="text-brand-700 underline underline-offset-4">
                {t(`${area}.title`)}
              </Link>
            </li>
            <li>
              <Link href="/sign-out" className="text-brand-700 underline underline-offset-4">
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

/** The page of an area whose tools have not landed yet: says so, and what is coming. */
export async function AreaOverview({ area, children }: { area: AreaKey; children?: ReactNode }) {
  const t = await getTranslations("areas");
  return (
    <section aria-labelledby="area-title" className="space-y-4">
      <h1 id="area-title" className="text-3xl font-bold">
        {t(`${area}.title`)}
      </h1>
      <p className="max-w-prose">{t(`${area}.intro`)}</p>
      {children}
      <div className="rounded border border-slate-300 bg-slate-50 p-4">
        <p>{t("shellNotice")}</p>
        <p className="mt-2 font-medium">{t("comingWith", { issue: t(`${area}.issue`) })}</p>
        <p className="mt-2 text-sm text-slate-700">{t(`${area}.sections`)}</p>
      </div>
    </section>
  );
}
