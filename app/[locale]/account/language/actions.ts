"use server";

import { formAction } from "@/lib/actions/form-action";
import { setOwnLocale } from "@/lib/users/locale-preference";

// The signed-in user's own mail language: the actor comes from the session, never the form
// (docs/decisions/042-wcag-22-and-mail-language.md).
export const setOwnLocaleAction = formAction({
  run: (actor, input) => setOwnLocale({ actor, input }),
  success: (t) => t("accountLanguage.saved"),
});
