import { redirect } from "next/navigation";
import { requireArea } from "@/lib/auth/area";
import { getCurrentConference } from "@/lib/conferences/context";
import { pageLocale } from "@/lib/i18n/page-locale";

type Props = {
  params: Promise<{ locale: string; rest?: string[] }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/**
 * The console's per-area URLs from before conferences were data (/admin/posts/…): they
 * lead to the same page of the current conference, so bookmarks keep working
 * (docs/decisions/012). With no current conference, the console's home says so.
 */
export function legacyRedirect(section: "" | "posts" | "candidates" | "hearing" | "costs" | "materials" | "forum") {
  return async function LegacyConsolePage({ params, searchParams }: Props) {
    const locale = await pageLocale(params);
    const { rest = [] } = await params;
    await requireArea(locale, "enter:admin-area:any", section === "" ? "/admin/conference" : `/admin/${section}`);
    const current = await getCurrentConference();
    if (!current) redirect(`/${locale}/admin`);
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(await searchParams)) {
      for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(key, v);
    }
    const path = [`/${locale}/admin/conferences/${current.slug}`, section, ...rest.map(encodeURIComponent)].filter(Boolean).join("/");
    redirect(query.size > 0 ? `${path}?${query}` : path);
  };
}
