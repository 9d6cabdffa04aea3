"use client";

import { ActionForm } from "@/components/forms/action-form";
import { HiddenField, SubmitButton, TextField } from "@/components/forms/fields";
import { Link } from "@/lib/i18n/navigation";
import { USER_LIMITS } from "@/lib/users/schema";
import { setPasswordAction } from "./actions";

type Text = { form: string; password: string; passwordHelp: string; confirm: string; submit: string; submitting: string; signIn: string };

export function SetPasswordForm({ token, email, text }: { token: string; email: string; text: Text }) {
  return (
    <ActionForm
      action={setPasswordAction}
      label={text.form}
      renderSuccess={() => (
        <p className="mt-2">
          <Link href="/sign-in" className="font-medium text-brand-700 underline underline-offset-4">
            {text.signIn}
          </Link>
        </p>
      )}
    >
      <HiddenField name="token" value={token} />
      {/* The account the new password is for, so that a password manager saves it under the right name (docs/accessibility.md, 3.3.8). */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        name="password"
        type="password"
        label={text.password}
        description={text.passwordHelp}
        required
        autoComplete="new-password"
        maxLength={USER_LIMITS.passwordMax * 2}
      />
      <TextField name="passwordConfirm" type="password" label={text.confirm} required autoComplete="new-password" maxLength={USER_LIMITS.passwordMax * 2} />
      <div>
        <SubmitButton pendingLabel={text.submitting}>{text.submit}</SubmitButton>
      </div>
    </ActionForm>
  );
}
