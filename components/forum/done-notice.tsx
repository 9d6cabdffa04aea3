"use client";

import { useEffect, useRef } from "react";

/**
 * What the last action did, shown at the top of the page it led back to. It takes focus,
 * so that keyboard and screen-reader users hear it (the form they used has moved away).
 */
export function DoneNotice({ message }: { message: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} tabIndex={-1} role="status" data-testid="done-notice" className="rounded border border-emerald-300 bg-emerald-50 p-3 text-emerald-950">
      {message}
    </div>
  );
}
