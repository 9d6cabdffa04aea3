import "server-only";
import { updateTag } from "next/cache";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getCurrentUser, type CurrentUser } from "@/lib/auth/current-user";
import { onReservedPool } from "@/lib/db";
import { isDomainError, type DomainError } from "@/lib/errors/domain-error";
import { classifyInfrastructureError } from "@/lib/errors/infrastructure";
import { isSameOriginAction } from "@/lib/http/same-origin";
import { logInfrastructureFailure } from "@/lib/errors/log-infrastructure";
import { isLocale, routing } from "@/lib/i18n/routing";
import { splitMessageKey } from "@/lib/validation/zod";
import type { FormState } from "./form-state";

export type FormFields = Record<string, string | string[]>;

type Translate = Awaited<ReturnType<typeof getTranslations>>;

export type FormActionSpec<R> = {
  /** Calls the service, which authorises, validates and audits by itself. */
  run: (actor: CurrentUser | null, fields: FormFields) => Promise<R>;
  /** Cache tags whose pages show what changed. */
  tags?: (result: R) => string[];
  /** The translated confirmation. */
  success: (t: Translate, result: R) => string;
  /** Data shown once after success (never echoed on later renders). */
  data?: (result: R) => Record<string, string>;
  /** A page to go to after success, without the locale prefix. */
  redirectTo?: (result: R) => string;
  /** Run on the reserved pool, session lookup included (lib/db onReservedPool): the chair's moves only. */
  reserved?: boolean;
  /** The message when the database was busy or out of reach and nothing was changed; a generic "try again" unless given. */
  busy?: (t: Translate, fields: FormFields) => string | Promise<string>;
};

// Field names that are never given back to the browser after a refusal.
const SECRET_FIELDS = /password|token|secret/i;

function fieldsOf(formData: FormData): FormFields {
  const fields: FormFields = {};
  for (const [name, value] of formData.entries()) {
    if (name.startsWith("$ACTION") || typeof value !== "string") continue;
    const existing = fields[name];
    fields[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return fields;
}

function echo(fields: FormFields): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (!SECRET_FIELDS.test(name)) out[name] = Array.isArray(value) ? value.join("\n") : value;
  }
  return out;
}

function translate(t: Translate, key: string, extra: Record<string, string | number> = {}): string {
  const { key: full, values } = splitMessageKey(key);
  return t(full as never, { ...values, ...extra } as never);
}

function refusal(t: Translate, error: DomainError, fields: FormFields): FormState {
  const { _form: formLevel, ...perField } = error.fieldErrors ?? {};
  const fieldErrors = Object.fromEntries(Object.entries(perField).map(([f, k]) => [f, translate(t, k)]));
  // A rule about the form as a whole (no field) is the form's message.
  const key = error.messageKey ?? formLevel;
  const message = key ? translate(t, key, error.values) : t(`errors.${error.code}` as never);
  return { status: "error", message, fieldErrors, values: echo(fields), at: Date.now() };
}

/**
 * docs/conventions.md#one-way-to-write-a-mutation: the one way to write a form's server action. Authentication comes from the
 * session, never from the form; the service authorises, validates and writes the audit
 * row; this wrapper translates the outcome, keeps the user's input on a refusal and
 * revalidates the pages that show the change.
 */
export function formAction<R>(spec: FormActionSpec<R>) {
  return async function action(_previous: FormState, formData: FormData): Promise<FormState> {
    const requested = String(formData.get("locale") ?? "");
    const locale = isLocale(requested) ? requested : routing.defaultLocale;
    const t = await getTranslations({ locale });
    const fields = fieldsOf(formData);
    // Only from a page of this site, checked here where the change is made as well as in
    // proxy.ts (docs/decisions/027-same-origin-and-members-only-stream.md); nothing is echoed.
    if (!isSameOriginAction(await headers())) return { status: "error", message: t("sameOrigin.crossSite"), fieldErrors: {}, values: {}, at: Date.now() };
    let result: R;
    try {
      const run = async () => spec.run(await getCurrentUser(), fields);
      result = spec.reserved ? await onReservedPool(run) : await run();
    } catch (error) {
      if (isDomainError(error)) return refusal(t, error, fields);
      // The database busy, slow or out of reach: nothing was changed, and saying so beats a 500.
      const failure = classifyInfrastructureError(error);
      if (!failure) throw error;
      logInfrastructureFailure(failure, error);
      // The caller's own wording may read the database too: if that fails as well, the generic one.
      const message = (await (async () => spec.busy?.(t, fields))().catch(() => undefined)) ?? t("serviceBusy.change");
      return { status: "error", message, fieldErrors: {}, values: echo(fields), at: Date.now() };
    }
    for (const tag of spec.tags?.(result) ?? []) updateTag(tag);
    if (spec.redirectTo) redirect(`/${locale}${spec.redirectTo(result)}`);
    return { status: "success", message: spec.success(t, result), data: spec.data?.(result), at: Date.now() };
  };
}
