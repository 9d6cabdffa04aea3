"use server";

import { formAction, type FormFields } from "@/lib/actions/form-action";
import { beginEnrolmentAtSignIn, completeSignIn, enrolAtSignIn } from "@/lib/second-factor/complete-sign-in";
import { pendingSession } from "@/lib/second-factor/pending";
import { afterSignInPath } from "./next-path";

// The sign-in's second step. The session comes from the request's cookie (a pending one:
// lib/auth/user-session.ts), never from the form; the services check it again.

export const completeSignInAction = formAction({
  run: async (_actor, input) => ({ ...(await completeSignIn({ session: await pendingSession(), input })), next: nextOf(input) }),
  success: (t) => t("secondFactor.signedIn"),
  redirectTo: (r) => r.next,
});

export const beginEnrolmentAtSignInAction = formAction({
  run: async (_actor, input) => {
    await beginEnrolmentAtSignIn({ session: await pendingSession() });
    return { next: nextOf(input) };
  },
  success: (t) => t("secondFactor.begun"),
  redirectTo: (r) => `/sign-in/second-factor?next=${encodeURIComponent(r.next)}`,
});

export const enrolAtSignInAction = formAction({
  run: async (_actor, input) => enrolAtSignIn({ session: await pendingSession(), input }),
  success: (t) => t("secondFactor.enabled"),
  data: (r) => ({ codes: r.recoveryCodes.join("\n") }),
});

function nextOf(input: FormFields): string {
  return afterSignInPath(typeof input.next === "string" ? input.next : undefined);
}
