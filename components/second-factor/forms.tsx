"use client";

import type { ReactNode } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { HiddenField, SubmitButton, TextField } from "@/components/forms/fields";
import type { FormState } from "@/lib/actions/form-state";
import { SECOND_FACTOR_LIMITS_INPUT } from "@/lib/second-factor/schema";
import { USER_LIMITS } from "@/lib/users/schema";
import { RecoveryCodes } from "./recovery-codes";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export type CodeFormText = { form: string; code: string; codeHelp: string; submit: string; submitting: string };
export type RecoveryText = { title: string; intro: string };

/** A six-digit code (or a recovery code) and a button: the second step of a sign-in, or an enrolment's confirmation. */
export function CodeForm({
  action,
  text,
  next,
  recovery,
  after,
}: {
  action: Action;
  text: CodeFormText;
  next?: string;
  /** After an enrolment: the recovery codes of the action's data, shown once. */
  recovery?: RecoveryText;
  /** What follows the codes (a link onwards). */
  after?: ReactNode;
}) {
  return (
    <ActionForm
      action={action}
      label={text.form}
      renderSuccess={(state) => (
        <>
          {recovery && state.data?.codes ? <RecoveryCodes codes={state.data.codes} title={recovery.title} intro={recovery.intro} /> : null}
          {after}
        </>
      )}
    >
      {next ? <HiddenField name="next" value={next} /> : null}
      <TextField
        name="code"
        label={text.code}
        description={text.codeHelp}
        required
        autoComplete="one-time-code"
        inputMode={recovery ? "numeric" : "text"}
        maxLength={SECOND_FACTOR_LIMITS_INPUT.code}
        dir="ltr"
      />
      <div>
        <SubmitButton pendingLabel={text.submitting}>{text.submit}</SubmitButton>
      </div>
    </ActionForm>
  );
}

/** A single button (begin an enrolment). */
export function ButtonForm({ action, label, submit, submitting, next }: { action: Action; label: string; submit: string; submitting: string; next?: string }) {
  return (
    <ActionForm action={action} label={label}>
      {next ? <HiddenField name="next" value={next} /> : null}
      <div>
        <SubmitButton pendingLabel={submitting}>{submit}</SubmitButton>
      </div>
    </ActionForm>
  );
}

export type ReauthText = CodeFormText & { password: string };

/** Password and code again, to turn the factor off or to draw new recovery codes. */
export function ReauthForm({
  action,
  text,
  tone,
  recovery,
  username,
}: {
  action: Action;
  text: ReauthText;
  tone: "danger" | "secondary";
  recovery?: RecoveryText;
  /** The account's address: a password manager fills the password of this account (WCAG 2.2 accessible authentication). */
  username: string;
}) {
  return (
    <ActionForm
      action={action}
      label={text.form}
      renderSuccess={(state) =>
        recovery && state.data?.codes ? <RecoveryCodes codes={state.data.codes} title={recovery.title} intro={recovery.intro} /> : null
      }
    >
      {/* Not sent to the server (no name); it tells a password manager whose password this is. */}
      <input type="email" autoComplete="username" value={username} readOnly hidden />
      <TextField name="password" type="password" label={text.password} required autoComplete="current-password" maxLength={USER_LIMITS.passwordMax * 2} />
      <TextField
        name="code"
        label={text.code}
        description={text.codeHelp}
        required
        autoComplete="one-time-code"
        maxLength={SECOND_FACTOR_LIMITS_INPUT.code}
        dir="ltr"
      />
      <div>
        <SubmitButton pendingLabel={text.submitting} tone={tone}>
          {text.submit}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
