import type { ReactNode } from "react";

// The fields of the visitors' JSON forms (the forum's ask form, the hearing's question form):
// each input described by its help and, after a refusal, by its error, both announced with it.

export const VISITOR_INPUT =
  "mt-1 block w-full rounded border border-slate-500 bg-white px-3 py-2 aria-[invalid=true]:border-2 aria-[invalid=true]:border-rose-700";

/** `label(name, text, required?)`, `fieldProps(name, hasHelp)` for the control, `help(name, text)` under it; errors carry `data-testid="<testIdPrefix>-<name>"`. */
export function visitorFields<F extends string>(id: string, fieldErrors: Partial<Record<F, string>>, testIdPrefix: string) {
  const fieldProps = (name: F, description: boolean) => {
    const error = fieldErrors[name];
    const ids = [description ? `${id}-${name}-help` : null, error ? `${id}-${name}-error` : null].filter(Boolean);
    return {
      id: `${id}-${name}`,
      name,
      "aria-invalid": error ? true : undefined,
      "aria-describedby": ids.length > 0 ? ids.join(" ") : undefined,
      className: VISITOR_INPUT,
    };
  };
  const help = (name: F, content: string | null): ReactNode => (
    <>
      {content ? (
        <p id={`${id}-${name}-help`} className="mt-1 text-sm text-slate-700">
          {content}
        </p>
      ) : null}
      {fieldErrors[name] ? (
        <p id={`${id}-${name}-error`} data-testid={`${testIdPrefix}-${name}`} className="mt-1 text-sm font-medium text-rose-800">
          {fieldErrors[name]}
        </p>
      ) : null}
    </>
  );
  const label = (name: F, content: string, required = false) => (
    <label htmlFor={`${id}-${name}`} className="font-medium">
      {content}
      {required ? <span aria-hidden="true"> *</span> : null}
    </label>
  );
  return { fieldProps, help, label };
}

/**
 * The honeypot: an input people never reach (off screen, out of the tab order, hidden from
 * assistive technology) but a form-filling robot does; the routes store nothing when it is filled.
 */
export function Honeypot({ id, field, label }: { id: string; field: string; label: string }) {
  return (
    <div aria-hidden="true" className="absolute -start-[10000px] top-0 h-px w-px overflow-hidden">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={field} type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
    </div>
  );
}
