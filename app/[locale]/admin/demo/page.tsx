import { getTranslations } from "next-intl/server";
import { adminPage } from "@/components/areas/area-pages";
import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton, TextField } from "@/components/forms/fields";
import { demoResetAvailable, RESET_WORD } from "@/lib/demo/availability";
import { resetDemoAction } from "./actions";

/**
 * The local demo's "Reset the demo" (docs/decisions/017-demo-reset.md): shown only where the
 * reset is possible; the service refuses it everywhere else, whatever the page shows.
 */
export default adminPage("/admin/demo", async ({ locale }) => {
  const t = await getTranslations({ locale, namespace: "admin.demoReset" });
  const admin = await getTranslations({ locale, namespace: "admin" });
  const available = demoResetAvailable();
  return (
    <div className="max-w-prose space-y-6">
      <h1 id="area-title" className="text-3xl font-bold">
        {t("title")}
      </h1>
      {available ? (
        <section aria-labelledby="reset-heading" className="space-y-4 rounded border-2 border-amber-600 bg-amber-50 p-4">
          <h2 id="reset-heading" className="text-xl font-semibold">
            {t("confirmHeading")}
          </h2>
          <p>{t("intro")}</p>
          <p>{t("auditNote")}</p>
          <p>{t("signInNote")}</p>
          <ActionForm action={resetDemoAction} label={t("confirmHeading")}>
            <TextField
              name="confirm"
              label={t("confirmLabel", { word: RESET_WORD })}
              description={t("confirmHelp", { word: RESET_WORD })}
              required
              autoComplete="off"
              dir="ltr"
            />
            <SubmitButton tone="danger" pendingLabel={admin("saving")}>
              {t("submit")}
            </SubmitButton>
          </ActionForm>
        </section>
      ) : (
        <p data-testid="demo-reset-unavailable">{t("unavailable")}</p>
      )}
    </div>
  );
});
