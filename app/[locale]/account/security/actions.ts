"use server";

import { formAction } from "@/lib/actions/form-action";
import { beginEnrolment } from "@/lib/second-factor/begin-enrolment";
import { confirmEnrolment } from "@/lib/second-factor/confirm-enrolment";
import { disableSecondFactor } from "@/lib/second-factor/disable-second-factor";
import { regenerateRecoveryCodes } from "@/lib/second-factor/regenerate-recovery-codes";

// The signed-in user's own second factor: the actor comes from the session, and every
// service acts on the actor's own account only (docs/decisions/023-second-factor.md).

export const beginEnrolmentAction = formAction({
  run: (actor) => beginEnrolment({ actor }),
  success: (t) => t("secondFactor.begun"),
  redirectTo: () => "/account/security",
});

export const confirmEnrolmentAction = formAction({
  run: (actor, input) => confirmEnrolment({ actor, input }),
  success: (t) => t("secondFactor.enabled"),
  data: (r) => ({ codes: r.recoveryCodes.join("\n") }),
});

export const disableSecondFactorAction = formAction({
  run: (actor, input) => disableSecondFactor({ actor, input }),
  success: (t) => t("secondFactor.disabled"),
  redirectTo: () => "/account/security?done=disabled",
});

export const regenerateRecoveryCodesAction = formAction({
  run: (actor, input) => regenerateRecoveryCodes({ actor, input }),
  success: (t) => t("secondFactor.regenerated"),
  data: (r) => ({ codes: r.recoveryCodes.join("\n") }),
});
