"use client";

import { ActionForm } from "@/components/forms/action-form";
import { SelectField, SubmitButton } from "@/components/forms/fields";
import { setOwnLocaleAction } from "./actions";

type Text = { form: string; label: string; help: string; submit: string; submitting: string };

export function LanguageForm({ current, options, text }: { current: string; options: { value: string; label: string }[]; text: Text }) {
  return (
    <ActionForm action={setOwnLocaleAction} label={text.form}>
      <SelectField name="language" label={text.label} description={text.help} required defaultValue={current} options={options} />
      <div>
        <SubmitButton pendingLabel={text.submitting}>{text.submit}</SubmitButton>
      </div>
    </ActionForm>
  );
}
