import { getTranslations } from "next-intl/server";
import { LocalLink } from "@/components/site/local-link";

export default async function NotFound() {
  const t = await getTranslations("errors");
  return (
    <div className="space-y-4">
      <h1 className="page-title">{t("notFoundTitle")}</h1>
      <p>{t("notFoundBody")}</p>
      <LocalLink href="/" className="link">
        {t("goHome")}
      </LocalLink>
    </div>
  );
}
