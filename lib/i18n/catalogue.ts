// Loading the message catalogues on the server: the pages' request config (./request.ts) and
// the translators of route handlers and mail (./translator.ts) read the same files the same
// way, and each keeps what it built for the process's life (docs/decisions/019-database-capacity.md).

import { NAMESPACES } from "./namespaces";

export type Messages = Record<string, unknown>;

const catalogues = new Map<string, Promise<Messages>>();

/**
 * Each locale's whole catalogue, loaded once per process: the files never change while the
 * server runs, and assembling them again on every request (one dynamic import per namespace)
 * cost more CPU than rendering the chair's console (docs/decisions/019-database-capacity.md).
 */
export function localeCatalogue(locale: string): Promise<Messages> {
  // `next dev` reloads a catalogue file that was edited: no keeping it there.
  if (process.env.NODE_ENV !== "production") return loadMessages(locale, NAMESPACES);
  return keptPromise(catalogues, locale, () => loadMessages(locale, NAMESPACES));
}

/** The messages of `namespaces` in `locale`, keyed by namespace: one import per file. */
export async function loadMessages(locale: string, namespaces: readonly string[]): Promise<Messages> {
  return Object.fromEntries(
    await Promise.all(namespaces.map(async (ns) => [ns, (await import(`./messages/${locale}/${ns}.json`)).default as unknown] as const)),
  );
}

/** What `make` gives for `key`, made once and kept in `kept`; a failure is not kept, so the next call tries again. */
export function keptPromise<T>(kept: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let made = kept.get(key);
  if (!made) {
    made = make();
    made.catch(() => kept.delete(key));
    kept.set(key, made);
  }
  return made;
}
