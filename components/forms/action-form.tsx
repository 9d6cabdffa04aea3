"use client";

import { useLocale } from "next-intl";
import { createContext, useActionState, useContext, useEffect, useRef, type ReactNode } from "react";
import { IDLE, type FormState } from "@/lib/actions/form-state";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

const FormStateContext = createContext<FormState>(IDLE);

/** The state of the enclosing ActionForm: its field errors and the values to show again. */
export function useFormState(): FormState {
  return useContext(FormStateContext);
}

type Props = {
  action: Action;
  children: ReactNode;
  /** Accessible name of the form. */
  label: string;
  className?: string;
  /** Shown after success, with the action's one-time data. */
  renderSuccess?: (state: FormState) => ReactNode;
  /** Busy beyond the action itself, judged on its answer (e.g. until the page shows what the action did). */
  busyAfter?: (state: FormState) => boolean;
  /** Called once per successful answer (from a client component only). */
  afterSuccess?: (state: FormState) => void;
};

/**
 * A form posting to a server action made with lib/actions/form-action.ts. The outcome is
 * announced (status for success, alert for a refusal) and focus moves to it, so keyboard
 * and screen-reader users learn what happened.
 */
export function ActionForm({ action, children, label, className, renderSuccess, busyAfter, afterSuccess }: Props) {
  const locale = useLocale();
  const [state, formAction, pending] = useActionState(action, IDLE);
  const outcome = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.at) outcome.current?.focus();
  }, [state.at]);
  // The latest callback, read when an answer arrives: a new one on each render does not re-run it.
  const onSuccess = useRef(afterSuccess);
  useEffect(() => {
    onSuccess.current = afterSuccess;
  });
  useEffect(() => {
    if (state.at && state.status === "success") onSuccess.current?.(state);
  }, [state]);

  return (
    <FormStateContext.Provider value={state}>
      <form action={formAction} aria-label={label} aria-busy={pending || (busyAfter?.(state) ?? false)} className={className ?? "space-y-4"} noValidate>
        <input type="hidden" name="locale" value={locale} />
        <div ref={outcome} tabIndex={-1} className="outline-none focus-visible:outline-2">
          {state.status === "error" && state.message ? (
            <p role="alert" data-testid="form-error" className="rounded border border-rose-300 bg-rose-50 p-3 text-rose-900">
              {state.message}
            </p>
          ) : null}
          {state.status === "success" && state.message ? (
            <div role="status" data-testid="form-success" className="rounded border border-emerald-300 bg-emerald-50 p-3 text-emerald-950">
              <p>{state.message}</p>
              {renderSuccess?.(state)}
            </div>
          ) : null}
        </div>
        {busyAfter ? (
          // Until the page shows what the last answer changed, its buttons would act on the page
          // before it: they wait (a chair's move names the version it was made on,
          // docs/decisions/021-chair-moves-name-their-version.md).
          <fieldset disabled={busyAfter(state)} className="contents">
            {children}
          </fieldset>
        ) : (
          children
        )}
      </form>
    </FormStateContext.Provider>
  );
}
