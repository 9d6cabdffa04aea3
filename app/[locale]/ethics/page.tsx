import { getTranslations } from "next-intl/server";
import { ethicsPage } from "@/components/areas/area-pages";
import { getReviewQueue } from "@/lib/ethics/ethics-queries";
import { Link } from "@/lib/i18n/navigation";
import { formatInstant } from "@/lib/time/format";

type Row = Awaited<ReturnType<typeof getReviewQueue>>["pending"][number];

export default ethicsPage("/ethics", async ({ user, locale }) => {
  const t = await getTranslations({ locale, namespace: "ethicsOffice" });
  const queue = await getReviewQueue(user);

  const table = (id: string, caption: string, rows: Row[]) => (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-2xl font-semibold">
        {caption}
      </h2>
      {rows.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <table className="w-full border-collapse text-start" data-testid={id}>
          <thead>
            <tr className="border-b border-slate-400">
              <th scope="col" className="p-2 text-start">
                {t("material")}
              </th>
              <th scope="col" className="p-2 text-start">
                {t("candidate")}
              </th>
              <th scope="col" className="p-2 text-start">
                {t("kindLabel")}
              </th>
              <th scope="col" className="p-2 text-start">
                {t("requestedAt")}
              </th>
              <th scope="col" className="p-2 text-start">
                {t("statusLabel")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-slate-200">
                <td className="p-2">
                  <Link href={`/ethics/reviews/${r.id}`} className="underline">
                    {r.material.title}
                  </Link>
                </td>
                <td className="p-2">{r.candidate.name}</td>
                <td className="p-2">{t(`kind.${r.material.kind}`)}</td>
                <td className="p-2">{formatInstant(locale, r.requestedAt, r.candidate.conference.timeZone)}</td>
                <td className="p-2">{t(`status.${r.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );

  return (
    <div className="space-y-10">
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p>{t("intro")}</p>
      </div>
      <p data-testid="pending-count">{t("pendingCount", { count: queue.pending.length })}</p>
      {table("pending-reviews", t("pendingHeading"), queue.pending)}
      {table("answered-reviews", t("answeredHeading"), queue.answered)}
    </div>
  );
});
