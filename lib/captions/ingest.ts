import "server-only";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { CAPTION_CHANNEL, captionNotice, type LiveCaption } from "./frames";
import { authenticateCaptioner } from "./keys";
import { ingestLimiter, type KeyRateLimiter } from "./rate-limit";
import { CAPTION_LIMITS, ingestSchema, type IngestCue } from "./schema";

// The captioner's cues, as they come (docs/decisions/040-captions.md): the key first, then its
// rate, then the body, then the hearing's status. A cue is stored once per (hearing, language,
// seq): a replay of the same seq is accepted and changes nothing, so a captioner whose request
// timed out sends it again safely. Each new cue is NOTIFYed at commit and reaches every viewer
// of the hearing as an `event: caption`; it never bumps the hearing's state version.

/** How long a live cue shows when the captioner gave no end: about a reading speed, within bounds. */
export function defaultDurationMs(text: string): number {
  return Math.min(7_000, Math.max(2_000, text.length * 60));
}

type Timed = { cue: IngestCue; startAt: Date; endAt: Date };

function timed(cue: IngestCue, index: number, now: Date): Timed {
  const bad = (field: string, key: string) => new DomainError("INVALID_INPUT", { fieldErrors: { [`cues.${index}.${field}`]: key } });
  const startAt = cue.start ? new Date(cue.start) : now;
  if (Math.abs(startAt.getTime() - now.getTime()) > CAPTION_LIMITS.clockSkewMs) throw bad("start", "captionIngest.clockSkew");
  const endAt = cue.end ? new Date(cue.end) : new Date(startAt.getTime() + defaultDurationMs(cue.text));
  if (endAt.getTime() <= startAt.getTime() || endAt.getTime() - startAt.getTime() > CAPTION_LIMITS.cueMaxMs) throw bad("end", "captionIngest.badTimes");
  return { cue, startAt, endAt };
}

/** The body's cues, or a refusal naming each problem by its whole path ("cues.3.text"), as a captioner's client needs it. */
export function parseCues(input: unknown): { cues: IngestCue[] } {
  const parsed = ingestSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) fieldErrors[issue.path.length > 0 ? issue.path.join(".") : "body"] ??= issue.message;
  throw new DomainError("INVALID_INPUT", { fieldErrors });
}

export type IngestResult = { accepted: number; duplicates: number };

export async function ingestCaptions({
  hearingId,
  authorization,
  input,
  now = new Date(),
  limiter = ingestLimiter(),
}: {
  hearingId: string;
  authorization: string | null;
  input: unknown;
  now?: Date;
  limiter?: KeyRateLimiter;
}): Promise<IngestResult> {
  const captioner = await authenticateCaptioner(authorization, hearingId);
  const wait = limiter.take(captioner.keyId);
  if (wait !== null) throw new DomainError("RATE_LIMITED", { messageKey: "captionIngest.rateLimited", retryAfterSeconds: wait });
  const { cues } = parseCues(input);
  const rows = cues.map((cue, index) => timed(cue, index, now));

  return db().$transaction(async (tx) => {
    // Not locked: the chair's moves lock the hearing's row, and a cue that lands in the
    // millisecond of the end is as good as one just before it.
    const hearing = await tx.hearing.findUnique({ where: { id: hearingId }, select: { status: true } });
    if (!hearing) throw new DomainError("NOT_FOUND");
    if (hearing.status === "SCHEDULED") throw new DomainError("CONFLICT", { messageKey: "captionIngest.notStarted" });
    if (hearing.status === "ENDED") throw new DomainError("CONFLICT", { messageKey: "captionIngest.ended" });
    let accepted = 0;
    for (const { cue, startAt, endAt } of rows) {
      const inserted = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "CaptionCue" ("id", "hearingId", "language", "seq", "startAt", "endAt", "text")
        VALUES (${`cc${crypto.randomUUID().replace(/-/g, "")}`}, ${hearingId}, ${cue.language}, ${cue.seq}, ${startAt}, ${endAt}, ${cue.text})
        ON CONFLICT ("hearingId", "language", "seq") DO NOTHING
        RETURNING "id"`;
      if (inserted.length === 0) continue;
      accepted += 1;
      const caption: LiveCaption = { language: cue.language, seq: cue.seq, text: cue.text, startAt: startAt.toISOString(), endAt: endAt.toISOString() };
      await tx.$executeRaw`SELECT pg_notify(${CAPTION_CHANNEL}, ${captionNotice(hearingId, caption)})`;
    }
    await tx.captionerKey.update({ where: { id: captioner.keyId }, data: { lastUsedAt: now }, select: { id: true } });
    return { accepted, duplicates: rows.length - accepted };
  });
}
