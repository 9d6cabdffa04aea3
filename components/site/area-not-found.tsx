import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { ERROR_HOMES, type ErrorHome } from "./error-homes";

/** A record or page missing inside a signed-in area: said in the area's frame, with the way back to its home. */
export async function AreaNotFound({ home }: { home: ErrorHome }) {
  const t = await getTranslations("errorPages");
  return (
    <div className="space-y-4" data-testid="not-found-page">
      <h1 className="text-3xl font-bold">{t("notFoundTitle")}</h1>
      <p>{t("notFoundBody")}</p>
      <Link href={ERROR_HOMES[home]} className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4">
        {t(`home.${home}`)}
      </Link>
    </div>
  );
}
