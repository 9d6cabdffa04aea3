"use client";

import type { useRouter } from "next/navigation";

// The chair's console is rendered afresh once per new state version of the hearing, whoever
// learns of it first: the answer to the chair's own move (chair-move-form.tsx) or the live
// stream (chair-cockpit.tsx). Both ask here; the second ask for the same version is dropped,
// so a move costs the server one render of the console, not two. Until the console shows the
// version asked for, every move form of the console waits, not only the one whose move it
// was: each names the version it was rendered with, and a move pressed on the older view (the
// end right after an extension, say) would be refused as made on an older view
// (docs/decisions/021-chair-moves-name-their-version.md).

/** While the console does not show a version asked for, it is rendered afresh this often, this many times. */
const REFRESH_EVERY_MS = 1_000;
const REFRESH_TRIES = 5;

type Console = {
  /** The latest version the console was asked to show. */
  asked: number;
  /** The version the console's forms were last rendered with. */
  rendered: number;
  /** The version whose rendering was given up on: the buttons are given back, so nobody stays stuck. */
  gaveUpAt: number;
  timer?: ReturnType<typeof setInterval>;
};

/** Per hearing: versions of one hearing say nothing of another's. */
const consoles = new Map<string, Console>();
const listeners = new Set<() => void>();

function consoleOf(hearingId: string): Console {
  let found = consoles.get(hearingId);
  if (!found) {
    found = { asked: 0, rendered: 0, gaveUpAt: 0 };
    consoles.set(hearingId, found);
  }
  return found;
}

function notify(): void {
  for (const listener of listeners) listener();
}

/**
 * Renders the console afresh unless that was already asked for `version` or a later one. A
 * console rendered before the change reached what it reads shows the hearing as it was: it is
 * asked again each second, a few times, then the wait is given up.
 */
export function refreshConsoleFor(router: ReturnType<typeof useRouter>, hearingId: string, version: number): void {
  const shown = consoleOf(hearingId);
  if (version <= shown.asked) return;
  shown.asked = version;
  router.refresh();
  clearInterval(shown.timer);
  let tries = 0;
  shown.timer = setInterval(() => {
    // Shown, or no console form left to wait (the end's answer brings a console without any).
    if (shown.rendered >= shown.asked || listeners.size === 0) {
      clearInterval(shown.timer);
      return;
    }
    tries += 1;
    if (tries > REFRESH_TRIES) {
      clearInterval(shown.timer);
      shown.gaveUpAt = shown.asked;
      notify();
    } else router.refresh();
  }, REFRESH_EVERY_MS);
  notify();
}

/** The console's forms were rendered with `version`. */
export function consoleRendered(hearingId: string, version: number): void {
  const shown = consoleOf(hearingId);
  if (version === shown.rendered) return;
  shown.rendered = version;
  if (version >= shown.asked) clearInterval(shown.timer);
  notify();
}

/** The latest version the console was asked to show; 0 when none. */
export function consoleAsked(hearingId: string): number {
  return consoles.get(hearingId)?.asked ?? 0;
}

/** The version whose rendering was given up on; 0 when none. */
export function consoleGaveUpAt(hearingId: string): number {
  return consoles.get(hearingId)?.gaveUpAt ?? 0;
}

export function subscribeConsole(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
