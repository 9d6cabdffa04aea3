"use client";

import { useTranslations } from "next-intl";
import { useId, useRef } from "react";
import { useFormStatus } from "react-dom";
import { useFormState } from "./action-form";

// docs/conventions.md#confirmations: nothing irreversible happens in one click. The trigger
// only opens a modal dialog that says what will follow; the dialog stays inside the enclosing
// form, so its confirm button submits that form with `confirmed=yes`, which the service
// requires (a client without script, or a stale one, cannot skip the question).

type Props = {
  /** The trigger's text, e.g. "Retire this post". */
  label: string;
  /** The dialog's heading, e.g. "Retire the post Director-General?". */
  title: string;
  /** What cannot be undone, with real figures: "3 questions are still pending." */
  consequence: string;
  confirmLabel: string;
  cancelLabel?: string;
  tone?: "danger" | "primary";
  testId?: string;
};

const TARGET = "min-h-11 min-w-11 rounded px-4 py-2 font-medium focus-visible:outline-2 focus-visible:outline-offset-2 disabled:opacity-70";
const TONES = {
  danger: "bg-rose-800 text-white hover:bg-rose-900 focus-visible:outline-rose-900",
  primary: "bg-brand-700 text-white hover:bg-brand-800 focus-visible:outline-brand-800",
} as const;
const SECONDARY = "border border-slate-500 bg-white text-slate-900 hover:bg-slate-100 focus-visible:outline-slate-900";

export function ConfirmButton({ label, title, consequence, confirmLabel, cancelLabel, tone = "danger", testId }: Props) {
  const t = useTranslations("confirm");
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const { pending } = useFormStatus();
  // A refusal for want of confirmation (a stale page, a page without script) is shown here.
  const refusal = useFormState().fieldErrors?.confirmed;

  return (
    <>
      <button
        ref={trigger}
        type="button"
        aria-haspopup="dialog"
        aria-describedby={refusal ? `${id}-refusal` : undefined}
        disabled={pending}
        data-testid={testId}
        onClick={() => dialog.current?.showModal()}
        className={`${TARGET} ${TONES[tone]}`}
      >
        {label}
      </button>
      {refusal ? (
        <p id={`${id}-refusal`} className="mt-1 text-sm font-medium text-rose-800">
          {refusal}
        </p>
      ) : null}
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-consequence`}
        data-testid={testId ? `${testId}-dialog` : undefined}
        // Esc and Cancel both end here: the keyboard user is back where they started.
        onClose={() => trigger.current?.focus()}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg border border-slate-400 bg-white p-6 text-start text-slate-900 shadow-xl backdrop:bg-slate-950/60"
      >
        <h2 id={`${id}-title`} className="text-xl font-bold">
          {title}
        </h2>
        <p id={`${id}-consequence`} className="mt-3">
          {consequence}
        </p>
        <div className="mt-6 flex flex-wrap justify-end gap-3">
          <button
            type="button"
            // First in the dialog, so showModal() focuses it: Enter alone never confirms.
            onClick={() => dialog.current?.close()}
            data-testid={testId ? `${testId}-cancel` : undefined}
            className={`${TARGET} ${SECONDARY}`}
          >
            {cancelLabel ?? t("cancel")}
          </button>
          <button
            type="submit"
            name="confirmed"
            value="yes"
            // The form is submitted by this click; the dialog only needs to get out of the way.
            onClick={() => dialog.current?.close()}
            data-testid={testId ? `${testId}-confirm` : undefined}
            className={`${TARGET} ${TONES[tone]}`}
          >
            {confirmLabel}
          </button>
        </div>
      </dialog>
    </>
  );
}
