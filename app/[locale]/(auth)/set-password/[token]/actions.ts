"use server";

import { formAction } from "@/lib/actions/form-action";
import { setPassword } from "@/lib/users/set-password";

// Public: the one-time link is the credential; the service checks it (and audits the change as the user).
export const setPasswordAction = formAction({
  run: (_actor, input) => setPassword({ input }),
  success: (t) => t("auth.passwordSet"),
});
