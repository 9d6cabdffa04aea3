import { getTranslations } from "next-intl/server";

export type Counts = { received: number; published: number; answered: number; declined: number; withdrawn: number };
export const COUNT_KEYS = ["received", "published", "answered", "declined", "withdrawn"] as const;
/** A forum no question ever reached. */
export const NO_COUNTS: Counts = { received: 0, published: 0, answered: 0, declined: 0, withdrawn: 0 };

/** The same numbers for every candidate's forum (docs/domain.md#forum-fairness). */
export async function ForumCounts({
  counts,
  locale,
  explained = true,
  heading = "h3",
}: {
  counts: Counts;
  locale: string;
  /** What each number counts: on the forum's own pages; the candidate's page links there. */
  explained?: boolean;
  heading?: "h2" | "h3";
}) {
  const t = await getTranslations({ locale, namespace: "forum.counts" });
  const number = new Intl.NumberFormat(locale);
  const Heading = heading;
  return (
    <div className="space-y-2">
      <Heading id="forum-counts" className={heading === "h2" ? "heading" : "subheading"}>
        {t("heading")}
      </Heading>
      {/* Styled by the list's class, figure then label (app/globals.css): five items on every candidate's page. */}
      <ul aria-labelledby="forum-counts" data-testid="forum-counts" className="counts">
        {COUNT_KEYS.map((key) => (
          <li key={key}>
            <span data-testid={`count-${key}`}>{number.format(counts[key])}</span>
            <span>{t(key)}</span>
          </li>
        ))}
      </ul>
      {explained ? <p className="muted">{t("explained")}</p> : null}
    </div>
  );
}
