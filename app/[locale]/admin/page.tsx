import { getTranslations } from "next-intl/server";
import { adminPage } from "@/components/areas/area-pages";
import { ADMIN_SECTIONS } from "@/components/areas/area-shell";
import { Link } from "@/lib/i18n/navigation";

export default adminPage("/admin", async ({ locale }) => {
  const t = await getTranslations({ locale, namespace: "areas.admin" });
  const admin = await getTranslations({ locale, namespace: "admin" });
  return (
    <section aria-labelledby="area-title" className="space-y-4">
      <h1 id="area-title" className="text-3xl font-bold">
        {t("title")}
      </h1>
      <p className="max-w-prose">{t("intro")}</p>
      <h2 className="text-xl font-semibold">{admin("sectionsHeading")}</h2>
      <ul className="grid gap-3 sm:grid-cols-2">
        {ADMIN_SECTIONS.map((section) => (
          <li key={section}>
            <Link href={`/admin/${section}`} className="block rounded border border-slate-300 p-4 text-brand-700 underline underline-offset-4 hover:bg-slate-50">
              {admin(`nav.${section}`)}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
});
