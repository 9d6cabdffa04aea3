"use server";

import { after } from "next/server";
import { headers } from "next/headers";
import { formAction } from "@/lib/actions/form-action";
import { clientIp } from "@/lib/auth/client-ip";
import { isLocale, routing } from "@/lib/i18n/routing";
import { requestPasswordReset } from "@/lib/users/request-password-reset";

// Public. The same answer whether the address has an account or not; the link and its
// message are made after the answer has gone (`after`), so its timing does not tell either
// (docs/decisions/023-second-factor.md).
export const requestPasswordResetAction = formAction({
  run: async (_actor, input) => {
    const requested = String(input.locale ?? "");
    const locale = isLocale(requested) ? requested : routing.defaultLocale;
    await requestPasswordReset({ input, ip: clientIp(await headers()), locale, defer: (task) => after(task) });
  },
  success: (t) => t("passwordReset.sent"),
});
