import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { adminPage } from "@/components/areas/area-pages";
import { ActionForm } from "@/components/forms/action-form";
import { HiddenField, SelectField, SubmitButton, TextAreaField, TextField } from "@/components/forms/fields";
import { getCandidateForAdmin, getNominationOptions } from "@/lib/candidates/candidates-admin";
import { requireConferenceBySlug } from "@/lib/conferences/context";
import { CANDIDATE_LIMITS } from "@/lib/candidates/schema";
import { allowedMoves, isEditable } from "@/lib/candidates/status-machine";
import { candidatureDeadline, GR170_TIME_ZONE } from "@/lib/elections/deadline";
import { postName } from "@/lib/elections/post-name";
import { isDomainError } from "@/lib/errors/domain-error";
import { Link } from "@/lib/i18n/navigation";
import { memberStateName } from "@/lib/member-states/names";
import { formatInstant, zoneLabel } from "@/lib/time/format";
import { changeStatusAction, updateCandidateAction } from "../actions";
import { CandidatureFields } from "../candidature-fields";
import { StatusConfirm } from "../status-confirm";

async function load(user: Parameters<typeof getCandidateForAdmin>[0], which: Parameters<typeof getCandidateForAdmin>[1]) {
  try {
    return await getCandidateForAdmin(user, which);
  } catch (error) {
    if (isDomainError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default adminPage<{ slug: string; id: string }>("/admin", async ({ user, locale, params }) => {
  const t = await getTranslations({ locale, namespace: "adminCandidates" });
  const admin = await getTranslations({ locale, namespace: "admin" });
  const status = await getTranslations({ locale, namespace: "status" });
  const confirm = await getTranslations({ locale, namespace: "confirm" });
  const conference = await requireConferenceBySlug(params.slug);
  // A candidature of another conference is not found under this one's address.
  const c = await load(user, { conferenceId: conference.id, id: params.id });
  const moves = allowedMoves(c.status);
  const deadline = candidatureDeadline(c.conference);
  // GR170 counts in Geneva time; dates here are shown and typed in that zone.
  const inGeneva = (at: Date) => `${formatInstant(locale, at, GR170_TIME_ZONE)} (${zoneLabel(locale, GR170_TIME_ZONE, at)})`;
  const options = isEditable(c.status) ? await getNominationOptions(user, conference.id) : null;

  return (
    <div className="space-y-10">
      <p>
        <Link href={`/admin/conferences/${encodeURIComponent(conference.slug)}/candidates`} className="text-brand-700 underline underline-offset-4">
          {t("backToList")}
        </Link>
      </p>
      <h1 className="text-3xl font-bold">{c.name}</h1>

      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">{t("post")}</dt>
        <dd>{`${postName(c.post.names, locale)} (${c.post.code})`}</dd>
        <dt className="font-semibold">{t("memberState")}</dt>
        <dd>{memberStateName(locale, c.memberState)}</dd>
        <dt className="font-semibold">{t("status")}</dt>
        <dd data-testid="candidate-status">{status(c.status)}</dd>
        <dt className="font-semibold">{t("internal")}</dt>
        <dd>{c.isInternal ? admin("yes") : admin("no")}</dd>
        <dt className="font-semibold">{t("formallyReceivedAt")}</dt>
        <dd>{c.formallyReceivedAt ? inGeneva(c.formallyReceivedAt) : admin("none")}</dd>
        <dt className="font-semibold">{t("deadline")}</dt>
        <dd>
          {inGeneva(deadline.at)}
          <span className="block text-sm text-slate-700">
            {deadline.source === "OVERRIDE" ? t("deadlineOverridden", { reason: deadline.reason }) : t("deadlineRule")}
          </span>
        </dd>
      </dl>

      <section aria-labelledby="status-change" className="space-y-4">
        <h2 id="status-change" className="text-2xl font-semibold">
          {t("statusHeading")}
        </h2>
        {moves.length === 0 ? (
          <p>{t("statusFinal")}</p>
        ) : (
          <ActionForm action={changeStatusAction} label={t("statusHeading")} className="grid max-w-2xl gap-4 rounded border border-slate-300 p-4">
            <p className="text-sm text-slate-700">{t("statusHelp")}</p>
            <HiddenField name="id" value={c.id} />
            <HiddenField name="conferenceId" value={conference.id} />
            {/* No move is preselected: the first one offered may end the candidature. */}
            <SelectField
              name="to"
              label={t("newStatus")}
              required
              placeholder={confirm("choose")}
              options={moves.map((m) => ({ value: m, label: status(m) }))}
            />
            {moves.includes("FORMAL") ? (
              <TextField
                name="formallyReceivedAt"
                type="datetime-local"
                label={t("formallyReceivedAtInput")}
                description={t("formallyReceivedAtHelp")}
                required
              />
            ) : null}
            <TextAreaField name="note" label={t("note")} maxLength={CANDIDATE_LIMITS.note} rows={2} />
            <div>
              <StatusConfirm
                label={t("statusSubmit")}
                title={confirm("status.title", { name: c.name })}
                confirmLabel={confirm("status.confirm")}
                consequences={Object.fromEntries(moves.map((m) => [m, confirm(`status.${m}`, { name: c.name, post: postName(c.post.names, locale) })]))}
                choose={confirm("status.choose")}
              />
            </div>
          </ActionForm>
        )}
      </section>

      <section aria-labelledby="status-history" className="space-y-4">
        <h2 id="status-history" className="text-2xl font-semibold">
          {t("historyHeading")}
        </h2>
        <ol className="space-y-2" data-testid="status-history">
          {c.statusHistory.map((h) => (
            <li key={h.id} className="rounded border border-slate-200 p-3">
              <p className="font-medium">
                {h.fromStatus ? t("historyMove", { from: status(h.fromStatus), to: status(h.toStatus) }) : t("historyFirst", { to: status(h.toStatus) })}
              </p>
              <p className="text-sm text-slate-700">{t("historyBy", { at: inGeneva(h.at), name: h.actor?.name ?? admin("none") })}</p>
              {h.formallyReceivedAt ? <p className="text-sm">{t("historyReceived", { at: inGeneva(h.formallyReceivedAt) })}</p> : null}
              {h.note ? <p className="text-sm">{h.note}</p> : null}
            </li>
          ))}
        </ol>
      </section>

      {options ? (
        <section aria-labelledby="candidate-edit" className="space-y-4">
          <h2 id="candidate-edit" className="text-2xl font-semibold">
            {t("editHeading")}
          </h2>
          <p className="text-sm text-slate-700">{admin("requiredLegend")}</p>
          <ActionForm action={updateCandidateAction} label={t("editHeading")} className="grid max-w-2xl gap-4">
            <HiddenField name="id" value={c.id} />
            <HiddenField name="conferenceId" value={conference.id} />
            <CandidatureFields locale={locale} options={options} candidate={c} />
            <div>
              <SubmitButton pendingLabel={admin("saving")}>{admin("save")}</SubmitButton>
            </div>
          </ActionForm>
        </section>
      ) : (
        <p>{t("notEditable")}</p>
      )}

      <section aria-labelledby="candidate-account" className="space-y-4">
        <h2 id="candidate-account" className="text-2xl font-semibold">
          {t("accountHeading")}
        </h2>
        <p data-testid="candidate-account">{c.user ? t(c.user.disabledAt ? "accountDisabled" : "accountActive", { email: c.user.email }) : t("accountNone")}</p>
        <p>
          <Link href={`/admin/users?candidate=${c.id}`} className="text-brand-700 underline underline-offset-4">
            {c.user ? t("accountManage") : t("accountCreate")}
          </Link>
        </p>
      </section>
    </div>
  );
});
