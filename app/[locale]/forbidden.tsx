import { getTranslations } from "next-intl/server";
import { LocalLink } from "@/components/site/local-link";

export default async function Forbidden() {
  const t = await getTranslations("errors");
  return (
    <div className="space-y-4">
      <h1 className="page-title">{t("forbiddenTitle")}</h1>
      <p role="status">{t("forbiddenBody")}</p>
      <LocalLink href="/" className="link">
        {t("goHome")}
      </LocalLink>
    </div>
  );
}
