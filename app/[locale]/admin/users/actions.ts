"use server";

import { headers } from "next/headers";
import { formAction, type FormFields } from "@/lib/actions/form-action";
import { TAGS } from "@/lib/cache-tags";
import { env } from "@/lib/env";
import { isLocale, routing } from "@/lib/i18n/routing";
import { changeRole } from "@/lib/users/change-role";
import { createUser } from "@/lib/users/create-user";
import { disableUser } from "@/lib/users/disable-user";
import { enableUser } from "@/lib/users/enable-user";
import { issueSetupLink } from "@/lib/users/issue-setup-link";
import { updateUser } from "@/lib/users/update-user";

/**
 * The full set-password address, built here and returned to the secretariat once: the
 * token exists nowhere else (the database keeps its digest only).
 */
async function setupUrl(fields: FormFields, token: string): Promise<string> {
  const requested = String(fields.locale ?? "");
  const locale = isLocale(requested) ? requested : routing.defaultLocale;
  const configured = env().NEXTAUTH_URL;
  const h = await headers();
  const origin = configured ? new URL(configured).origin : `${h.get("x-forwarded-proto") ?? "https"}://${h.get("host") ?? "localhost"}`;
  return `${origin}/${locale}/set-password/${token}`;
}

export const createUserAction = formAction({
  run: async (actor, input) => {
    const result = await createUser({ actor, input });
    return { name: result.user.name, url: await setupUrl(input, result.token) };
  },
  tags: () => [TAGS.users],
  success: (t, r) => t("adminUsers.created", { name: r.name }),
  data: (r) => ({ link: r.url }),
});

export const issueLinkAction = formAction({
  run: async (actor, input) => {
    const result = await issueSetupLink({ actor, input });
    return { name: result.user.name, url: await setupUrl(input, result.token) };
  },
  tags: () => [TAGS.users],
  success: (t, r) => t("adminUsers.linkIssued", { name: r.name }),
  data: (r) => ({ link: r.url }),
});

/**
 * Disable and enable share one form (and so one outcome message) per row: the button it
 * shows changes with the account's state, the announcement of what happened stays.
 */
export const setEnabledAction = formAction({
  run: async (actor, input) =>
    input.intent === "enable" ? { ...(await enableUser({ actor, input })), enabled: true } : { ...(await disableUser({ actor, input })), enabled: false },
  tags: () => [TAGS.users],
  success: (t, r) => (r.enabled ? t("adminUsers.enabled", { name: r.name }) : t("adminUsers.disabled", { name: r.name })),
});

export const changeRoleAction = formAction({
  run: (actor, input) => changeRole({ actor, input }),
  tags: () => [TAGS.users],
  success: (t, r) => t("adminUsers.roleChanged", { name: r.name }),
});

export const updateUserAction = formAction({
  run: (actor, input) => updateUser({ actor, input }),
  tags: () => [TAGS.users],
  success: (t, r) => t("adminUsers.updated", { name: r.name }),
});
