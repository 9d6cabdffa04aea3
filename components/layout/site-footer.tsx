import { getTranslations } from "next-intl/server";

export async function SiteFooter({ locale }: { locale: string }) {
  const t = await getTranslations({ locale, namespace: "common" });
  return (
    <footer className="border-t border-slate-200 bg-slate-50">
      <p className="mx-auto max-w-5xl px-4 py-6 text-sm text-slate-700">{t("footer")}</p>
    </footer>
  );
}
