"use client";

import { useId, useState, type ReactNode } from "react";
import { ActionForm } from "@/components/forms/action-form";
import type { FormState } from "@/lib/actions/form-state";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  label: string;
  className?: string;
  children: ReactNode;
  text: { link: string; linkHelp: string; copy: string; copied: string };
};

function OneTimeLink({ url, text }: { url: string; text: Props["text"] }) {
  const id = useId();
  const [copied, setCopied] = useState(false);
  return (
    <div className="mt-2 space-y-1">
      <label htmlFor={id} className="block font-medium">
        {text.link}
      </label>
      <p id={`${id}-help`} className="text-sm">
        {text.linkHelp}
      </p>
      <div className="flex flex-wrap gap-2">
        <input
          id={id}
          readOnly
          value={url}
          dir="ltr"
          data-testid="setup-link"
          aria-describedby={`${id}-help`}
          onFocus={(e) => e.currentTarget.select()}
          className="block min-w-0 flex-1 rounded border border-slate-500 bg-white px-3 py-2 font-mono text-sm"
        />
        <button
          type="button"
          onClick={() => {
            void navigator.clipboard?.writeText(url).then(() => setCopied(true));
          }}
          className="rounded border border-slate-500 bg-white px-3 py-2 text-slate-900 hover:bg-slate-100"
        >
          {text.copy}
        </button>
      </div>
      <p aria-live="polite" className="text-sm">
        {copied ? text.copied : ""}
      </p>
    </div>
  );
}

/** A form whose success carries a one-time set-password link, shown once and never again. */
export function LinkForm({ action, label, className, children, text }: Props) {
  return (
    <ActionForm
      action={action}
      label={label}
      className={className}
      renderSuccess={(state) => (state.data?.link ? <OneTimeLink url={state.data.link} text={text} /> : null)}
    >
      {children}
    </ActionForm>
  );
}
