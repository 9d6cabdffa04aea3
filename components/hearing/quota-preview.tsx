import { getTranslations } from "next-intl/server";
import type { QuotaPreview as Preview } from "@/lib/draw/quota";

/**
 * Before the chair draws a candidate's questions under a quota (docs/fairness.md#quota-draws):
 * the approved questions per source against the quota, and when a minimum cannot be met,
 * which, and what the draw will do (the published shortfall rule). Rendered on the server: it
 * changes only when the console is rendered afresh.
 */
export async function QuotaPreview({ locale, preview }: { locale: string; preview: Preview }) {
  const t = await getTranslations({ locale, namespace: "questionQuota" });
  const short = preview.rows.filter((r) => r.short > 0);
  const cell = "border border-slate-300 p-1";
  return (
    <div className="max-w-2xl space-y-2" data-testid="quota-preview">
      <h3 className="font-semibold">{t("preview.heading", { places: preview.places })}</h3>
      <table className="border-collapse text-sm">
        <caption className="sr-only">{t("preview.heading", { places: preview.places })}</caption>
        <thead>
          <tr>
            <th scope="col" className={`${cell} text-start`}>
              {t("source")}
            </th>
            <th scope="col" className={`${cell} text-start`}>
              {t("preview.approved")}
            </th>
            <th scope="col" className={`${cell} text-start`}>
              {t("min")}
            </th>
            <th scope="col" className={`${cell} text-start`}>
              {t("max")}
            </th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((r) => (
            <tr key={r.source} data-testid={`quota-row-${r.source}`} className={r.short > 0 ? "text-rose-900" : undefined}>
              <th scope="row" className={`${cell} text-start font-normal`}>
                {t(`sources.${r.source}`)}
              </th>
              <td className={cell}>{r.approved}</td>
              <td className={cell}>{r.min}</td>
              <td className={cell}>{r.max ?? t("none")}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {preview.regionMax !== null ? (
        <p className="text-sm">
          {t("preview.regions", { max: preview.regionMax })}{" "}
          {preview.regions.length === 0
            ? t("preview.noRegions")
            : preview.regions.map((r) => t("preview.region", { region: r.region ?? "none", count: r.approved })).join(" · ")}
        </p>
      ) : null}
      {short.length > 0 ? (
        <div className="rounded border border-amber-600 bg-amber-50 p-3 text-amber-950" data-testid="quota-shortfall">
          <ul className="list-disc space-y-1 ps-6">
            {short.map((r) => (
              <li key={r.source}>{t("preview.short", { source: t(`sources.${r.source}`), min: r.min, capacity: r.capacity })}</li>
            ))}
          </ul>
          <p>{t("preview.shortRule")}</p>
        </div>
      ) : null}
      <p className="text-sm font-medium" data-testid="quota-will-draw">
        {preview.willDraw < preview.places
          ? t("preview.fewer", { count: preview.willDraw, places: preview.places })
          : t("preview.full", { count: preview.willDraw })}
      </p>
    </div>
  );
}
