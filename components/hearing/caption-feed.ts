"use client";

// Live captions as the hearing's stream brings them (`event: caption`, docs/decisions/040-captions.md),
// handed from the one EventSource the page holds (use-hearing-stream.ts) to whoever shows them
// (live-captions.tsx): a second stream per viewer for captions would double the server's
// connections.

export type FeedCaption = { language: string; seq: number; text: string; startAt: string; endAt: string };
type Listener = (caption: FeedCaption) => void;

const listeners = new Map<string, Set<Listener>>();

/** Reads an `event: caption`'s data and hands it on; anything malformed is dropped. */
export function publishCaption(hearingId: string, data: string): void {
  const set = listeners.get(hearingId);
  if (!set || set.size === 0) return;
  let caption: FeedCaption;
  try {
    const value = JSON.parse(data) as Record<string, unknown>;
    if (typeof value.language !== "string" || typeof value.seq !== "number" || typeof value.text !== "string") return;
    caption = { language: value.language, seq: value.seq, text: value.text, startAt: String(value.startAt ?? ""), endAt: String(value.endAt ?? "") };
  } catch {
    return;
  }
  for (const listener of [...set]) listener(caption);
}

export function subscribeCaptions(hearingId: string, listener: Listener): () => void {
  let set = listeners.get(hearingId);
  if (!set) listeners.set(hearingId, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size === 0) listeners.delete(hearingId);
  };
}
