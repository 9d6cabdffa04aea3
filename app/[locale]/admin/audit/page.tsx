import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/data-table";
import { adminPage } from "@/components/areas/area-pages";
import { diffSnapshots } from "@/lib/audit/diff";
import { AUDIT_AREAS } from "@/lib/audit/emit";
import { auditFiltersSchema } from "@/lib/audit/filters";
import { auditTimeZone, listAuditActors, listAuditEvents, type AuditEventRow } from "@/lib/audit/queries";
import { formatInstant, zoneLabel } from "@/lib/time/format";
import { splitMessageKey } from "@/lib/validation/zod";
import { Link } from "@/lib/i18n/navigation";

const INPUT = "mt-1 block w-full rounded border border-slate-500 bg-white px-3 py-2";

function Snapshot({ event, labels }: { event: AuditEventRow; labels: { field: string; before: string; after: string } }) {
  const changes = diffSnapshots(event.before, event.after);
  // A draft's edit keeps ids and statuses only (docs/audit.md): often nothing left to compare.
  if (changes?.length === 0) return null;
  if (changes) {
    return (
      <table className="text-xs">
        <thead>
          <tr>
            <th scope="col" className="pe-2 text-start">
              {labels.field}
            </th>
            <th scope="col" className="pe-2 text-start">
              {labels.before}
            </th>
            <th scope="col" className="text-start">
              {labels.after}
            </th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.field}>
              <th scope="row" className="pe-2 text-start font-mono font-normal">
                {c.field}
              </th>
              <td className="pe-2 font-mono break-all" dir="ltr">
                {c.before}
              </td>
              <td className="font-mono break-all" dir="ltr">
                {c.after}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  // React escapes the text: a snapshot is shown as data, never as markup.
  const value = event.after ?? event.before;
  return value === null ? null : (
    <pre className="max-w-md overflow-x-auto text-xs whitespace-pre-wrap break-all" dir="ltr">
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

export default adminPage("/admin/audit", async ({ user, locale, searchParams }) => {
  const t = await getTranslations({ locale, namespace: "adminAudit" });
  const roles = await getTranslations({ locale, namespace: "roles" });
  const all = await getTranslations({ locale });
  const parsed = auditFiltersSchema.safeParse(searchParams);
  const filters = parsed.success ? parsed.data : {};
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((i) => {
        const { key, values } = splitMessageKey(i.message);
        return `${t(`filter.${String(i.path[0] ?? "form")}` as never)}: ${all(key as never, values as never)}`;
      });
  const [timeZone, actors] = await Promise.all([auditTimeZone(user), listAuditActors(user)]);
  const { events, nextCursor } = await listAuditEvents(user, filters, timeZone);
  const query = new URLSearchParams(
    Object.entries({ actor: filters.actor, area: filters.area, from: filters.from, to: filters.to }).filter((e): e is [string, string] => Boolean(e[1])),
  );
  const labels = { field: t("field"), before: t("before"), after: t("after") };

  return (
    <div className="space-y-8">
      <h1 className="text-3xl font-bold">{t("title")}</h1>
      <p className="max-w-prose text-slate-700">{t("intro", { zone: zoneLabel(locale, timeZone, new Date()) })}</p>

      <form method="get" aria-label={t("filterHeading")} className="grid max-w-3xl gap-4 rounded border border-slate-300 p-4 sm:grid-cols-2">
        <h2 className="text-xl font-semibold sm:col-span-2">{t("filterHeading")}</h2>
        {problems.length > 0 ? (
          <ul role="alert" data-testid="filter-error" className="rounded border border-rose-300 bg-rose-50 p-3 text-rose-900 sm:col-span-2">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : null}
        <div>
          <label htmlFor="audit-actor" className="font-medium">
            {t("filter.actor")}
          </label>
          <select id="audit-actor" name="actor" defaultValue={filters.actor ?? ""} className={INPUT}>
            <option value="">{t("anyone")}</option>
            {actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({roles(a.role)})
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-area" className="font-medium">
            {t("filter.area")}
          </label>
          <select id="audit-area" name="area" defaultValue={filters.area ?? ""} className={INPUT}>
            <option value="">{t("anyArea")}</option>
            {AUDIT_AREAS.map((a) => (
              <option key={a} value={a}>
                {t(`areas.${a}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-from" className="font-medium">
            {t("filter.from")}
          </label>
          <input id="audit-from" name="from" type="date" defaultValue={filters.from ?? ""} className={INPUT} />
        </div>
        <div>
          <label htmlFor="audit-to" className="font-medium">
            {t("filter.to")}
          </label>
          <input id="audit-to" name="to" type="date" defaultValue={filters.to ?? ""} className={INPUT} />
        </div>
        <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
          <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800">
            {t("apply")}
          </button>
          <Link href="/admin/audit" className="text-brand-700 underline underline-offset-4">
            {t("clear")}
          </Link>
          {/* A plain link: the route handler checks the caller itself. */}
          <a href={`/api/admin/audit?${query.toString()}`} className="text-brand-700 underline underline-offset-4" data-testid="audit-csv">
            {t("csv")}
          </a>
        </div>
      </form>

      <section aria-labelledby="audit-results" className="space-y-4">
        <h2 id="audit-results" className="text-2xl font-semibold">
          {t("resultsHeading")}
        </h2>
        {events.length === 0 ? (
          <p data-testid="audit-empty">{t("empty")}</p>
        ) : (
          <DataTable
            caption={t("resultsHeading")}
            columns={[t("when"), t("who"), t("filter.area"), t("action"), t("record"), t("change")]}
            testId="audit-table"
          >
            <tbody>
              {events.map((e) => (
                <tr key={e.id} className="border-b border-slate-200 align-top">
                  <td className="p-2">
                    <time dateTime={e.at.toISOString()}>{formatInstant(locale, e.at, timeZone)}</time>
                  </td>
                  <td className="p-2">
                    {e.actor ? e.actor.name : t("nobody")}
                    {e.actorRole ? <span className="block text-slate-700">{roles(e.actorRole)}</span> : null}
                  </td>
                  <td className="p-2">{(AUDIT_AREAS as readonly string[]).includes(e.area) ? t(`areas.${e.area}` as never) : e.area}</td>
                  <td className="p-2 font-mono" dir="ltr">
                    {e.action}
                  </td>
                  <td className="p-2">
                    <span className="block">{e.entity}</span>
                    <span className="block font-mono text-xs text-slate-700" dir="ltr">
                      {e.entityId}
                    </span>
                  </td>
                  <td className="p-2">
                    <Snapshot event={e} labels={labels} />
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
        {nextCursor ? (
          <p>
            <Link
              href={`/admin/audit?${new URLSearchParams([...query, ["cursor", nextCursor]]).toString()}`}
              className="text-brand-700 underline underline-offset-4"
            >
              {t("older")}
            </Link>
          </p>
        ) : null}
      </section>
    </div>
  );
});
