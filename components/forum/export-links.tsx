import { getTranslations } from "next-intl/server";

/** A candidate's forum as open data, CSV or JSON (app/api/forum/export). */
export const forumExportHref = (candidateId: string, format: "csv" | "json") =>
  `/api/forum/export?format=${format}&candidate=${encodeURIComponent(candidateId)}`;

/** Open data on the forum's own pages: the published questions and answers, never an e-mail address. */
export async function ExportLinks({ locale, csv, json }: { locale: string; csv: string; json: string }) {
  const t = await getTranslations({ locale, namespace: "forum.export" });
  return (
    <div className="space-y-2">
      <h2 className="heading">{t("heading")}</h2>
      <p className="max-w-prose muted">{t("help")}</p>
      <ul className="inline-list" data-testid="forum-export">
        <li>
          <a href={csv} download className="link">
            {t("csv")}
          </a>
        </li>
        <li>
          <a href={json} download className="link">
            {t("json")}
          </a>
        </li>
      </ul>
    </div>
  );
}
