// Live captions on the hearing's event stream (docs/decisions/040-captions.md). A new cue is
// NOTIFYed on a channel of its own with the cue itself as the payload, so an instance frames it
// without reading the database; the frame is `event: caption` with no `id:` line, so it never
// moves the viewer's Last-Event-ID: the state versions, their replay and the recovery of a
// returning viewer (docs/decisions/020-live-stream-recovery.md) stay exactly as they were.

export const CAPTION_CHANNEL = "hearing_captions";

/** What a viewer's browser receives, and what the NOTIFY carries (with the hearing's id). */
export type LiveCaption = { language: string; seq: number; text: string; startAt: string; endAt: string };

const encoder = new TextEncoder();

export function captionFrame(caption: LiveCaption): Uint8Array {
  const data = JSON.stringify({ language: caption.language, seq: caption.seq, text: caption.text, startAt: caption.startAt, endAt: caption.endAt });
  return encoder.encode(`event: caption\ndata: ${data}\n\n`);
}

/** The NOTIFY payload of a new cue (under Postgres's 8,000 bytes: a cue's text is at most 500 characters). */
export function captionNotice(hearingId: string, caption: LiveCaption): string {
  return JSON.stringify({ hearingId, ...caption });
}

/** A NOTIFY payload read back; null when it is not one of ours. */
export function parseCaptionNotice(payload: string): { hearingId: string; caption: LiveCaption } | null {
  try {
    const value = JSON.parse(payload) as Record<string, unknown>;
    const { hearingId, language, seq, text, startAt, endAt } = value;
    if (typeof hearingId !== "string" || typeof language !== "string" || typeof seq !== "number" || typeof text !== "string") return null;
    if (typeof startAt !== "string" || typeof endAt !== "string") return null;
    return { hearingId, caption: { language, seq, text, startAt, endAt } };
  } catch {
    return null;
  }
}
