"use client";

import { useFormState } from "@/components/forms/action-form";

/**
 * The second, explicit step of a draw while questions still await a decision: shown only
 * after the service refused the draw for that reason (the form's alert says how many wait
 * and that a draw leaves them out for good). It resubmits the same form, with the digits
 * typed, and `confirmPending`.
 */
export function PendingConfirm({ label }: { label: string }) {
  const state = useFormState();
  const help = state.status === "error" ? state.fieldErrors?.confirmPending : undefined;
  if (!help) return null;
  return (
    <div className="space-y-2 rounded border border-amber-500 bg-amber-50 p-3" data-testid="chair-pending-confirm">
      <p id="chair-pending-confirm-help" className="text-amber-950">
        {help}
      </p>
      <button
        type="submit"
        name="confirmPending"
        value="true"
        aria-describedby="chair-pending-confirm-help"
        className="rounded bg-rose-800 px-4 py-2 font-medium text-white hover:bg-rose-900"
      >
        {label}
      </button>
    </div>
  );
}
