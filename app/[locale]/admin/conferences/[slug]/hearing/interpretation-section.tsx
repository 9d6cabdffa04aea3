import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/forms/action-form";
import { CheckboxField, HiddenField, SubmitButton } from "@/components/forms/fields";
import type { CurrentUser } from "@/lib/auth/current-user";
import { getInterpretationForAdmin } from "@/lib/hearings/interpretation-admin";
import { INTERPRETATION_LANGUAGES, LANGUAGE_FIELD_PREFIX } from "@/lib/hearings/interpretation-schema";
import { saveInterpretation } from "./interpretation-actions";

/**
 * The hearing console's interpretation: which languages the webcast and the recording carry
 * as audio renditions beside the floor (docs/decisions/039-interpretation-and-player.md).
 */
export async function InterpretationSection({
  user,
  locale,
  conferenceId,
  hearingId,
}: {
  user: CurrentUser;
  locale: string;
  conferenceId: string;
  hearingId: string;
}) {
  const t = await getTranslations({ locale, namespace: "adminInterpretation" });
  const admin = await getTranslations({ locale, namespace: "admin" });
  const state = await getInterpretationForAdmin(user, { conferenceId, hearingId });
  if (!state) return null;
  const names = new Intl.DisplayNames([locale], { type: "language" });
  const declared = new Set(state.languages);
  return (
    <section aria-labelledby="interpretation" className="space-y-3" data-testid="interpretation-admin">
      <h2 id="interpretation" className="text-2xl font-semibold">
        {t("heading")}
      </h2>
      <p className="max-w-prose">{t("intro")}</p>
      {state.closed ? (
        <p>{t("closed")}</p>
      ) : (
        <ActionForm action={saveInterpretation} label={t("heading")} className="max-w-2xl space-y-3">
          <HiddenField name="conferenceId" value={conferenceId} />
          <HiddenField name="hearingId" value={hearingId} />
          <fieldset className="space-y-2">
            <legend className="font-medium">{t("legend")}</legend>
            {INTERPRETATION_LANGUAGES.map((code) => (
              <CheckboxField key={code} name={`${LANGUAGE_FIELD_PREFIX}${code}`} label={names.of(code) ?? code} defaultChecked={declared.has(code)} />
            ))}
          </fieldset>
          <SubmitButton pendingLabel={admin("saving")}>{t("save")}</SubmitButton>
        </ActionForm>
      )}
    </section>
  );
}
