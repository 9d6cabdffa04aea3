import type { ReactNode } from "react";

// The specification's preformatted pieces, shared by its sections (page.tsx, quota-spec.tsx).

/** A formula: it wraps, so it never scrolls. */
export function Formula({ children }: { children: ReactNode }) {
  return (
    <pre dir="ltr" className="rounded border border-slate-300 bg-slate-50 p-3 font-mono text-sm break-all whitespace-pre-wrap">
      {children}
    </pre>
  );
}

/** A dump whose columns must stay aligned: it scrolls, so it takes the focus and scrolls with the keyboard. */
export function Block({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <pre
      dir="ltr"
      tabIndex={0}
      aria-label={label}
      className="overflow-x-auto rounded border border-slate-300 bg-slate-50 p-3 font-mono text-sm focus:outline-2 focus:outline-brand-700"
      data-testid={testId}
    >
      {children}
    </pre>
  );
}
