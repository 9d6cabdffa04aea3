"use client";

import { ActionForm } from "@/components/forms/action-form";
import { SubmitButton, TextField } from "@/components/forms/fields";
import { USER_LIMITS } from "@/lib/users/schema";
import { requestPasswordResetAction } from "./actions";

type Text = { form: string; email: string; submit: string; submitting: string };

export function ForgotPasswordForm({ text }: { text: Text }) {
  return (
    <ActionForm action={requestPasswordResetAction} label={text.form}>
      <TextField name="email" type="email" label={text.email} required autoComplete="username" maxLength={USER_LIMITS.email} dir="ltr" />
      <div>
        <SubmitButton pendingLabel={text.submitting}>{text.submit}</SubmitButton>
      </div>
    </ActionForm>
  );
}
