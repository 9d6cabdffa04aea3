import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

export default async function Forbidden() {
  const t = await getTranslations("errors");
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">{t("forbiddenTitle")}</h1>
      <p role="status">{t("forbiddenBody")}</p>
      <Link href="/" className="link">
        {t("goHome")}
      </Link>
    </div>
  );
}
