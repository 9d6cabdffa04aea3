import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { ConfirmButton } from "@/components/forms/confirm-button";
import { HiddenField, SubmitButton, TextAreaField } from "@/components/forms/fields";
import type { FormState } from "@/lib/actions/form-state";
import type { QueueItem } from "@/lib/forum/queries";
import { FORUM_LIMITS } from "@/lib/forum/schema";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export type CandidateActions = { publish: Action; answer: Action; decline: Action; withdraw: Action };

const DISCLOSURE = "rounded border border-slate-300 p-3 [&[open]>summary]:mb-3";
const SUMMARY = "cursor-pointer font-medium link";

/**
 * What the candidate may do with a question of their own forum: publish it (with an answer
 * or not) or decline it while it waits; answer, edit the answer or withdraw it once
 * published. `view` is the list the page shows, to come back to it afterwards.
 */
export async function CandidateControls({ item, locale, actions, view }: { item: QueueItem; locale: string; actions: CandidateActions; view: string }) {
  const t = await getTranslations({ locale, namespace: "forum.queue" });
  const confirm = await getTranslations({ locale, namespace: "confirm" });
  const asker = item.askerName;
  const common = (
    <>
      <HiddenField name="id" value={item.id} />
      <HiddenField name="view" value={view} />
    </>
  );
  if (item.status === "PENDING") {
    return (
      <div className="space-y-3">
        <ActionForm action={actions.publish} label={t("publishLabel", { asker })} className="grid max-w-3xl gap-3">
          {common}
          <TextAreaField name="answer" label={t("answerOptional")} description={t("answerOptionalHelp")} maxLength={FORUM_LIMITS.answer} rows={4} />
          <div>
            <SubmitButton pendingLabel={t("publishing")}>{t("publishSubmit")}</SubmitButton>
          </div>
        </ActionForm>
        <details className={DISCLOSURE}>
          <summary className={SUMMARY}>{t("declineSummary")}</summary>
          <ActionForm action={actions.decline} label={t("declineLabel", { asker })} className="grid max-w-3xl gap-3">
            {common}
            <TextAreaField
              name="reason"
              label={t("reason")}
              description={t("declineHelp", { min: FORUM_LIMITS.reasonMin })}
              required
              maxLength={FORUM_LIMITS.reason}
              rows={2}
            />
            <div>
              <ConfirmButton
                label={t("declineSubmit")}
                title={confirm("decline.title", { asker })}
                consequence={confirm("decline.consequence", { asker })}
                confirmLabel={confirm("decline.confirm")}
                testId="decline-question"
              />
            </div>
          </ActionForm>
        </details>
      </div>
    );
  }
  if (item.status === "PUBLISHED") {
    const editing = item.answer !== null;
    return (
      <div className="space-y-3">
        <ActionForm action={actions.answer} label={editing ? t("editAnswerLabel", { asker }) : t("answerLabel", { asker })} className="grid max-w-3xl gap-3">
          {common}
          <TextAreaField name="answer" label={t("answer")} required defaultValue={item.answer} maxLength={FORUM_LIMITS.answer} rows={4} />
          <div>
            <SubmitButton pendingLabel={t("saving")}>{editing ? t("editAnswerSubmit") : t("answerSubmit")}</SubmitButton>
          </div>
        </ActionForm>
        <details className={DISCLOSURE}>
          <summary className={SUMMARY}>{t("withdrawSummary")}</summary>
          <ActionForm action={actions.withdraw} label={t("withdrawLabel", { asker })} className="grid max-w-3xl gap-3">
            {common}
            <TextAreaField
              name="reason"
              label={t("reason")}
              description={t("withdrawHelp", { min: FORUM_LIMITS.reasonMin })}
              required
              maxLength={FORUM_LIMITS.reason}
              rows={2}
            />
            <div>
              <ConfirmButton
                label={t("withdrawSubmit")}
                title={confirm("withdraw.title", { asker })}
                consequence={confirm("withdraw.consequence", { asker })}
                confirmLabel={confirm("withdraw.confirm")}
                testId="withdraw-question"
              />
            </div>
          </ActionForm>
        </details>
      </div>
    );
  }
  return null;
}

/** The secretariat's one control: hide the question, with a reason. It can neither publish nor answer. */
export async function HideControl({
  item,
  candidateId,
  locale,
  action,
  back,
}: {
  item: QueueItem;
  candidateId: string;
  locale: string;
  action: Action;
  back: string;
}) {
  const t = await getTranslations({ locale, namespace: "forum.admin" });
  const queue = await getTranslations({ locale, namespace: "forum.queue" });
  const confirm = await getTranslations({ locale, namespace: "confirm" });
  if (item.status === "HIDDEN") return null;
  return (
    <ActionForm action={action} label={t("hideLabel", { asker: item.askerName })} className="grid max-w-3xl gap-3">
      <HiddenField name="id" value={item.id} />
      <HiddenField name="candidateId" value={candidateId} />
      <HiddenField name="back" value={back} />
      <TextAreaField
        name="reason"
        label={queue("reason")}
        description={t("hideHelp", { min: FORUM_LIMITS.reasonMin })}
        required
        maxLength={FORUM_LIMITS.reason}
        rows={2}
      />
      <div>
        <ConfirmButton
          label={t("hideSubmit")}
          title={confirm("hide.title", { asker: item.askerName })}
          consequence={confirm("hide.consequence", { asker: item.askerName })}
          confirmLabel={confirm("hide.confirm")}
          testId="hide-question"
        />
      </div>
    </ActionForm>
  );
}
