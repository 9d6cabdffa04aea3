"use client";

import { useCallback, useSyncExternalStore } from "react";

// Longest a browser timer can wait (about 24.8 days); a later closing is re-checked then.
const MAX_TIMER = 2 ** 31 - 1;

/**
 * True once the forum's closing time has passed on the reader's clock (false on the server): a
 * cached page was rendered while the forum was open (lib/forum/cached-queries.ts).
 */
export function useClosed(closesAt: string): boolean {
  const at = Date.parse(closesAt);
  const subscribe = useCallback(
    (notify: () => void) => {
      const timer = setTimeout(notify, Math.min(Math.max(0, at - Date.now()) + 50, MAX_TIMER));
      return () => clearTimeout(timer);
    },
    [at],
  );
  return useSyncExternalStore(
    subscribe,
    () => Date.now() >= at,
    () => false,
  );
}
