"use client";

import { useId } from "react";
import { useFormState } from "@/components/forms/action-form";

/**
 * A file input for an ActionForm. `accept` is a hint to the browser's picker only: the
 * server decides by the file's content (lib/uploads/sniff.ts). The hint states the limit shared with
 * the server (lib/uploads/limits.ts).
 */
export function FileField({ name, label, accept, hint, required }: { name: string; label: string; accept: string; hint: string; required?: boolean }) {
  const id = useId();
  const error = useFormState().fieldErrors?.[name];
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
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        className="mt-1 block w-full rounded border border-slate-500 bg-white px-3 py-2 file:me-3 file:rounded file:border-0 file:bg-slate-200 file:px-3 file:py-1 focus-visible:outline-2 focus-visible:outline-offset-2"
      />
      <p id={`${id}-hint`} className="mt-1 text-sm text-slate-700">
        {hint}
      </p>
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-rose-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
