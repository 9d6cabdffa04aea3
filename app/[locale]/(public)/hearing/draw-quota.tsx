import { getTranslations } from "next-intl/server";
import { QUOTA_SOURCES, sourceOf, type DrawQuota } from "@/lib/draw/quota";

/**
 * A stratified draw's quota and each eligible question's stratum, as published with it
 * (hustings-draw-v3, docs/draw-specification.md §15): what the message bound, so anyone re-runs
 * the walk. The strata are shown as the message writes them, with the source in words.
 */
export async function DrawQuota({ locale, quota, strata }: { locale: string; quota: DrawQuota; strata: Record<string, string> }) {
  const t = await getTranslations({ locale, namespace: "questionQuota" });
  const bound = (n: number | null) => (n === null ? t("none") : String(n));
  return (
    <div className="space-y-1 text-sm" data-testid="draw-quota">
      <p>
        <span className="font-semibold">{t("verify.quota", { places: quota.places })}</span>{" "}
        {QUOTA_SOURCES.map((s) => t("verify.bounds", { source: t(`sources.${s}`), min: quota.sources[s].min, max: bound(quota.sources[s].max) })).join(" · ")}
        {" · "}
        {t("verify.regionMax", { max: bound(quota.regionMax) })}
      </p>
      <details>
        <summary className="cursor-pointer">{t("verify.strata", { count: Object.keys(strata).length })}</summary>
        <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[max-content_1fr]" data-testid="draw-strata">
          {Object.entries(strata).map(([id, stratum]) => (
            <div key={id} className="contents">
              <dt>
                <code dir="ltr">{id}</code>
              </dt>
              <dd>
                <code dir="ltr">{stratum}</code> ({t(`sources.${sourceOf(stratum)}`)})
              </dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  );
}
