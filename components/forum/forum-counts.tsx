import { getTranslations } from "next-intl/server";

export type Counts = { received: number; published: number; answered: number; declined: number; withdrawn: number };
export const COUNT_KEYS = ["received", "published", "answered", "declined", "withdrawn"] as const;
/** A forum no question ever reached. */
export const NO_COUNTS: Counts = { received: 0, published: 0, answered: 0, declined: 0, withdrawn: 0 };

/** The same numbers for every candidate's forum (docs/domain.md#forum-fairness). */
export async function ForumCounts({ counts, locale }: { counts: Counts; locale: string }) {
  const t = await getTranslations({ locale, namespace: "forum.counts" });
  const number = new Intl.NumberFormat(locale);
  return (
    <div className="space-y-2">
      <h3 id="forum-counts" className="subheading">
        {t("heading")}
      </h3>
      <ul aria-labelledby="forum-counts" data-testid="forum-counts" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {COUNT_KEYS.map((key) => (
          <li key={key} className="count">
            <span data-testid={`count-${key}`} className="count-figure">
              {number.format(counts[key])}
            </span>
            <span className="muted">{t(key)}</span>
          </li>
        ))}
      </ul>
      <p className="muted">{t("explained")}</p>
    </div>
  );
}
