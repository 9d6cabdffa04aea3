"use client";

import type { ReactNode } from "react";
import { ActionForm } from "@/components/forms/action-form";
import type { FormState } from "@/lib/actions/form-state";

type Props = {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  label: string;
  children: ReactNode;
  /** The one-time notice, translated by the page. */
  once: string;
};

/** Issues a captioner key and shows it this once (docs/decisions/040-captions.md): it is stored only as a hash. */
export function CaptionerKeyForm({ action, label, children, once }: Props) {
  return (
    <ActionForm
      action={action}
      label={label}
      className="grid max-w-2xl gap-3"
      renderSuccess={(state) =>
        state.data?.key ? (
          <div className="mt-2 space-y-1">
            <p className="font-medium">{once}</p>
            <code
              dir="ltr"
              data-testid="captioner-key"
              className="block break-all rounded border border-slate-500 bg-white px-3 py-2 font-mono text-sm text-slate-900"
            >
              {state.data.key}
            </code>
          </div>
        ) : null
      }
    >
      {children}
    </ActionForm>
  );
}
