"use client";

import { signIn } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { signInSchema } from "@/lib/auth/schema";
import { parseSignInRefusal, type SignInRefusal } from "@/lib/sign-in/refusal";

type FieldErrors = { email?: string; password?: string };

export function SignInForm({ next }: { next: string }) {
  const t = useTranslations("auth");
  const limits = useTranslations("signInLimits");
  const locale = useLocale();
  const id = useId();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = signInSchema.safeParse({ email: form.get("email"), password: form.get("password") });
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        if (issue.path[0] === "email") errors.email = t("invalidEmail");
        if (issue.path[0] === "password") errors.password = t("passwordRequired");
      }
      setFieldErrors(errors);
      setError(null);
      return;
    }
    setFieldErrors({});
    setPending(true);
    setError(null);
    // The page's language goes with the password: mail to the account is written in it.
    const result = await signIn("credentials", { ...parsed.data, locale, redirect: false });
    if (result?.ok && !result.error) {
      window.location.assign(next);
      return;
    }
    setPending(false);
    const refusal = parseSignInRefusal(result?.error);
    setError(refusal ? refusalMessage(refusal) : result?.error === "CredentialsSignin" ? t("wrongCredentials") : t("unexpected"));
  }

  // docs/decisions/022-sessions-and-sign-in-limits.md: the wait the server asks for, in words.
  function refusalMessage(refusal: SignInRefusal): string {
    if (refusal.kind === "busy") return limits("busy");
    if (refusal.kind === "addressLimited") return limits("addressLimited", { minutes: Math.ceil(refusal.seconds / 60) });
    return limits("wait", { seconds: refusal.seconds });
  }

  const input = "mt-1 block w-full rounded border border-slate-500 px-3 py-2 aria-[invalid=true]:border-rose-700";
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-describedby={error ? `${id}-error` : undefined}>
      {error ? (
        <p id={`${id}-error`} role="alert" data-testid="sign-in-error" className="rounded border border-rose-300 bg-rose-50 p-3 text-rose-900">
          {error}
        </p>
      ) : null}
      <div>
        <label htmlFor={`${id}-email`} className="font-medium">
          {t("email")}
        </label>
        <input
          id={`${id}-email`}
          name="email"
          type="email"
          autoComplete="username"
          required
          aria-invalid={fieldErrors.email ? true : undefined}
          aria-describedby={fieldErrors.email ? `${id}-email-error` : undefined}
          className={input}
        />
        {fieldErrors.email ? (
          <p id={`${id}-email-error`} className="mt-1 text-sm text-rose-800">
            {fieldErrors.email}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor={`${id}-password`} className="font-medium">
          {t("password")}
        </label>
        <input
          id={`${id}-password`}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={fieldErrors.password ? true : undefined}
          aria-describedby={fieldErrors.password ? `${id}-password-error` : undefined}
          className={input}
        />
        {fieldErrors.password ? (
          <p id={`${id}-password-error`} className="mt-1 text-sm text-rose-800">
            {fieldErrors.password}
          </p>
        ) : null}
      </div>
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-70">
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
