import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { Link } from "@/lib/i18n/navigation";
import { COUNT_KEYS, type Counts } from "./forum-counts";

/** A post's candidates' forums side by side: the same numbers for each (docs/domain.md#forum-fairness). */
export async function ForumComparison({ candidates, locale }: { candidates: { id: string; name: string; counts: Counts }[]; locale: string }) {
  const t = await getTranslations({ locale, namespace: "forum" });
  const number = new Intl.NumberFormat(locale);
  return (
    <section aria-labelledby="forum-comparison" className="space-y-3">
      <h2 id="forum-comparison" className="text-2xl font-semibold">
        {t("compare.heading")}
      </h2>
      <p className="max-w-prose">{t("compare.intro")}</p>
      <DataTable caption={t("compare.caption")} columns={[t("compare.candidate"), ...COUNT_KEYS.map((k) => t(`counts.${k}`))]} testId="forum-comparison">
        <tbody>
          {candidates.map((c) => (
            <tr key={c.id} className="border-b border-slate-200">
              <th scope="row" className="p-2 text-start font-normal">
                <Link href={`/candidates/${c.id}#forum`} className="link">
                  {c.name}
                </Link>
              </th>
              {COUNT_KEYS.map((k) => (
                <td key={k} className="p-2 tabular-nums" data-testid={`compare-${k}`}>
                  {number.format(c.counts[k])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </DataTable>
      <p className="text-sm text-slate-700">{t("counts.explained")}</p>
      <p className="text-sm">
        {t("compare.openData")}{" "}
        <a href="/api/forum/export?format=csv" download className="link">
          {t("compare.allCsv")}
        </a>
        {" · "}
        <a href="/api/forum/export?format=json" download className="link">
          {t("compare.allJson")}
        </a>
      </p>
    </section>
  );
}
