"use client";

import type { useRouter } from "next/navigation";

// The chair's console is rendered afresh once per new state version of the hearing, whoever
// learns of it first: the answer to the chair's own move (chair-move-form.tsx) or the live
// stream (chair-cockpit.tsx). Both ask here; the second ask for the same version is dropped,
// so a move costs the server one render of the console, not two
// (docs/decisions/021-chair-moves-name-their-version.md).

let requested = 0;

/** Renders the console afresh unless that was already asked for `version` or a later one. */
export function refreshConsoleFor(router: ReturnType<typeof useRouter>, version: number): void {
  if (version <= requested) return;
  requested = version;
  router.refresh();
}
