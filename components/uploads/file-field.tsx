"use client";

import { useId, useState, type ChangeEvent } from "react";
import { useFormState } from "@/components/forms/action-form";

/**
 * A file input for an ActionForm. `accept` is a hint to the browser's picker only: the
 * server decides by the file's content (lib/uploads/sniff.ts). The hint states the limit shared with
 * the server (lib/uploads/limits.ts).
 */
export function FileField({
  name,
  label,
  accept,
  hint,
  required,
  maxBytes,
  tooLarge,
}: {
  name: string;
  label: string;
  accept: string;
  hint: string;
  required?: boolean;
  /** A file larger than this is not sent: the form says why at once (the server refuses it too). */
  maxBytes?: number;
  tooLarge?: string;
}) {
  const id = useId();
  const [chosenTooLarge, setChosenTooLarge] = useState(false);
  const fromServer = useFormState().fieldErrors?.[name];
  const error = (chosenTooLarge ? tooLarge : undefined) ?? fromServer;
  // A body past the largest form's limit would be refused by the proxy with a 413
  // (docs/decisions/026-upload-checks.md); better not to send it at all.
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const size = event.currentTarget.files?.[0]?.size ?? 0;
    const over = maxBytes !== undefined && size > maxBytes;
    if (over) event.currentTarget.value = "";
    setChosenTooLarge(over);
  };
  return (
    <div>
      <label htmlFor={id} className="font-medium">
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </label>
      <input
        id={id}
        name={name}
        type="file"
        accept={accept}
        required={required}
        onChange={onChange}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        className="mt-1 block w-full rounded border border-slate-500 bg-white px-3 py-2 file:me-3 file:rounded file:border-0 file:bg-slate-200 file:px-3 file:py-1 focus-visible:outline-2 focus-visible:outline-offset-2"
      />
      <p id={`${id}-hint`} className="mt-1 text-sm text-slate-700">
        {hint}
      </p>
      {error ? (
        <p id={`${id}-error`} role={chosenTooLarge ? "alert" : undefined} className="mt-1 text-sm font-medium text-rose-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
