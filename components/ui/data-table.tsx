import type { ReactNode } from "react";

/**
 * A list table of the console: scrolls sideways on narrow screens, is named for screen
 * readers by its caption, and has one header cell per column. The rows are the caller's
 * (`<tbody>…</tbody>`).
 */
export function DataTable({ caption, columns, testId, children }: { caption: string; columns: string[]; testId?: string; children: ReactNode }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-start text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            {columns.map((label, index) => (
              <th key={index} scope="col" className="p-2 text-start">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        {children}
      </table>
    </div>
  );
}
