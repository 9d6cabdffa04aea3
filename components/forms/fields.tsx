"use client";

import { useId, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { useFormState } from "./action-form";

// Form fields that show their own error (translated by the server action) and, after a
// refusal, the value the user typed: nothing written is lost.

const INPUT = "mt-1 block w-full rounded border border-slate-500 bg-white px-3 py-2 aria-[invalid=true]:border-rose-700 aria-[invalid=true]:border-2";

type Common = { name: string; label: string; description?: string; required?: boolean };

function useField(name: string, fallback: string | undefined) {
  const state = useFormState();
  const id = useId();
  const error = state.fieldErrors?.[name];
  const value = state.status === "error" && state.values && name in state.values ? state.values[name] : fallback;
  return { id, error, value };
}

function Described({ id, description, error }: { id: string; description?: string; error?: string }) {
  return (
    <>
      {description ? (
        <p id={`${id}-description`} className="mt-1 text-sm text-slate-700">
          {description}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-rose-800">
          {error}
        </p>
      ) : null}
    </>
  );
}

function describedBy(id: string, description?: string, error?: string): string | undefined {
  const ids = [description ? `${id}-description` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

function Label({ id, label, required }: { id: string; label: string; required?: boolean }) {
  return (
    <label htmlFor={id} className="font-medium">
      {label}
      {required ? <span aria-hidden="true"> *</span> : null}
    </label>
  );
}

export function TextField({
  name,
  label,
  description,
  required,
  defaultValue,
  type = "text",
  maxLength,
  autoComplete,
  inputMode,
  min,
  max,
  step,
  dir,
}: Common & {
  defaultValue?: string | number | null;
  type?: "text" | "email" | "url" | "number" | "date" | "datetime-local" | "password";
  maxLength?: number;
  autoComplete?: string;
  inputMode?: "text" | "numeric" | "decimal" | "email" | "url";
  min?: number | string;
  max?: number | string;
  step?: number | string;
  dir?: "ltr" | "rtl" | "auto";
}) {
  const { id, error, value } = useField(name, defaultValue === null || defaultValue === undefined ? undefined : String(defaultValue));
  return (
    <div>
      <Label id={id} label={label} required={required} />
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={value}
        required={required}
        maxLength={maxLength}
        autoComplete={autoComplete}
        inputMode={inputMode}
        min={min}
        max={max}
        step={step}
        dir={dir}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, description, error)}
        className={INPUT}
      />
      <Described id={id} description={description} error={error} />
    </div>
  );
}

export function TextAreaField({
  name,
  label,
  description,
  required,
  defaultValue,
  maxLength,
  rows = 4,
}: Common & { defaultValue?: string | null; maxLength?: number; rows?: number }) {
  const { id, error, value } = useField(name, defaultValue ?? undefined);
  return (
    <div>
      <Label id={id} label={label} required={required} />
      <textarea
        id={id}
        name={name}
        defaultValue={value}
        required={required}
        maxLength={maxLength}
        rows={rows}
        dir="auto"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, description, error)}
        className={INPUT}
      />
      <Described id={id} description={description} error={error} />
    </div>
  );
}

export function SelectField({
  name,
  label,
  description,
  required,
  defaultValue,
  options,
  placeholder,
}: Common & { defaultValue?: string | null; options: { value: string; label: string }[]; placeholder?: string }) {
  const { id, error, value } = useField(name, defaultValue ?? undefined);
  const state = useFormState();
  return (
    <div>
      <Label id={id} label={label} required={required} />
      <select
        // React resets a form after its action; a <select> would fall back to its first
        // default, so it is remounted with the value the user chose.
        key={state.at ?? 0}
        id={id}
        name={name}
        defaultValue={value ?? ""}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, description, error)}
        className={INPUT}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Described id={id} description={description} error={error} />
    </div>
  );
}

export function CheckboxField({ name, label, description, defaultChecked }: Common & { defaultChecked?: boolean }) {
  const state = useFormState();
  const id = useId();
  const error = state.fieldErrors?.[name];
  const checked = state.status === "error" && state.values ? state.values[name] === "on" : defaultChecked;
  return (
    <div>
      <div className="flex items-start gap-2">
        <input
          key={state.at ?? 0}
          id={id}
          name={name}
          type="checkbox"
          defaultChecked={checked}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, description, error)}
          // 24 CSS px: the smallest target WCAG 2.2 allows without spacing (2.5.8, docs/accessibility.md).
          className="mt-0.5 h-6 w-6 shrink-0"
        />
        <label htmlFor={id} className="font-medium">
          {label}
        </label>
      </div>
      <Described id={id} description={description} error={error} />
    </div>
  );
}

export function HiddenField({ name, value }: { name: string; value: string }) {
  return <input type="hidden" name={name} value={value} />;
}

export function SubmitButton({
  children,
  pendingLabel,
  tone = "primary",
}: {
  children: ReactNode;
  pendingLabel: string;
  tone?: "primary" | "danger" | "secondary";
}) {
  const { pending } = useFormStatus();
  const tones = {
    primary: "bg-brand-700 text-white hover:bg-brand-800",
    danger: "bg-rose-800 text-white hover:bg-rose-900",
    secondary: "border border-slate-500 bg-white text-slate-900 hover:bg-slate-100",
  } as const;
  return (
    <button type="submit" disabled={pending} className={`rounded px-4 py-2 font-medium disabled:opacity-70 ${tones[tone]}`}>
      {pending ? pendingLabel : children}
    </button>
  );
}
