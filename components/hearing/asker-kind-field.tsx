"use client";

import { useId } from "react";
import { useFormState } from "@/components/forms/action-form";

// The source of a question on the secretariat's room-card form (docs/fairness.md#question-sources):
// a radio group inside an ActionForm that, after a refusal, shows the choice made and its error,
// as the other fields of components/forms/fields.tsx do. Labels come translated from the server.

export function AskerKindField({
  legend,
  description,
  options,
  defaultValue,
}: {
  legend: string;
  description: string;
  options: { value: string; label: string }[];
  defaultValue: string;
}) {
  const state = useFormState();
  const id = useId();
  const name = "askerKind";
  const error = state.fieldErrors?.[name];
  const chosen = state.status === "error" && state.values && name in state.values ? state.values[name] : defaultValue;
  const describedBy = [`${id}-description`, error ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <fieldset className="space-y-1" aria-describedby={describedBy} data-testid="asker-kind">
      <legend className="font-medium">
        {legend}
        <span aria-hidden="true"> *</span>
      </legend>
      {options.map((o) => (
        <div key={o.value} className="flex items-center gap-2">
          <input
            // Remounted after each answer: React resets the form after its action.
            key={`${o.value}-${state.at ?? 0}`}
            id={`${id}-${o.value}`}
            type="radio"
            name={name}
            value={o.value}
            defaultChecked={o.value === chosen}
            className="h-6 w-6 shrink-0"
          />
          <label htmlFor={`${id}-${o.value}`}>{o.label}</label>
        </div>
      ))}
      <p id={`${id}-description`} className="text-sm text-slate-700">
        {description}
      </p>
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-rose-800">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
