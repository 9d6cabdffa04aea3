// Chapter marks of the hearing's recording, one per candidate (WebVTT "chapters" track).
// Pure: shared by the secretariat's service, the replay data and the tests.

export type ChapterSlot = {
  candidateId: string;
  name: string;
  position: number | null;
  presentationStartedAt: Date | null;
  finishedAt: Date | null;
};

export type Chapter = { candidateId: string; name: string; startMs: number; endMs: number };

/** "mm:ss" or "h:mm:ss" into the recording: where a candidate's chapter starts. */
export const OFFSET_PATTERN = /^(?:(\d{1,2}):)?(\d{1,3}):([0-5]\d)$/;

export function parseOffset(text: string): number | null {
  const match = OFFSET_PATTERN.exec(text.trim());
  if (!match) return null;
  const [, hours = "0", minutes = "0", seconds = "0"] = match;
  if (match[1] !== undefined && Number(minutes) > 59) return null;
  return ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000;
}

export type ChapterProblem =
  /** Neither a recording start nor this candidate's own offset: where does the chapter start? */
  | { candidateId: string; problem: "missingStart" }
  /** The recording started after this candidate began speaking. */
  | { candidateId: string; problem: "beforeRecording" }
  /** Chapters must follow the running order. */
  | { candidateId: string; problem: "outOfOrder" };

/**
 * One chapter per candidate who spoke, in running order. A chapter starts at the candidate's
 * own offset when the secretariat typed one, else at the presentation's actual start
 * measured from the recording's start; it ends where the next begins, the last one when its
 * candidate finished (or, with no recorded finish, one second later).
 */
export function buildChapters(input: {
  slots: readonly ChapterSlot[];
  recordingStartedAt: Date | null;
  /** Offsets typed per candidate, in milliseconds. */
  offsets: Readonly<Record<string, number>>;
}): { chapters: Chapter[]; problems: ChapterProblem[] } {
  const order = input.slots
    .filter((s) => s.position !== null && (s.presentationStartedAt !== null || input.offsets[s.candidateId] !== undefined))
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  const problems: ChapterProblem[] = [];
  const starts: { slot: ChapterSlot; startMs: number }[] = [];
  for (const slot of order) {
    const typed = input.offsets[slot.candidateId];
    let startMs: number;
    if (typed !== undefined) startMs = typed;
    else if (input.recordingStartedAt && slot.presentationStartedAt) {
      startMs = slot.presentationStartedAt.getTime() - input.recordingStartedAt.getTime();
      if (startMs < 0) {
        problems.push({ candidateId: slot.candidateId, problem: "beforeRecording" });
        continue;
      }
    } else {
      problems.push({ candidateId: slot.candidateId, problem: "missingStart" });
      continue;
    }
    const previous = starts.at(-1);
    if (previous && startMs <= previous.startMs) {
      problems.push({ candidateId: slot.candidateId, problem: "outOfOrder" });
      continue;
    }
    starts.push({ slot, startMs });
  }
  const chapters = starts.map(({ slot, startMs }, i) => {
    const next = starts[i + 1];
    const spoken = slot.finishedAt && slot.presentationStartedAt ? slot.finishedAt.getTime() - slot.presentationStartedAt.getTime() : 0;
    const endMs = next ? next.startMs : startMs + Math.max(1000, spoken);
    return { candidateId: slot.candidateId, name: slot.name, startMs, endMs };
  });
  return { chapters, problems };
}

/** WebVTT timestamp: hh:mm:ss.ttt (hours always written, at least two digits). */
export function vttTimestamp(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  const hours = Math.floor(total / 3_600_000);
  const minutes = Math.floor((total % 3_600_000) / 60_000);
  const seconds = Math.floor((total % 60_000) / 1000);
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}.${pad(total % 1000, 3)}`;
}

/**
 * Cue text is markup in WebVTT: "&" and "<" open entities and tags, and "-->" may not appear
 * at all (a ">" escaped makes it harmless). A line break would end the cue, so a name is
 * kept on one line.
 */
export function escapeCueText(text: string): string {
  return text
    .replace(/[\r\n]+/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

function unescapeCueText(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** The chapters as a WebVTT file; each cue's identifier is its candidate's id. */
export function chaptersVtt(chapters: readonly Chapter[]): string {
  const cues = chapters.map((c) => `${c.candidateId}\n${vttTimestamp(c.startMs)} --> ${vttTimestamp(c.endMs)}\n${escapeCueText(c.name)}`);
  return ["WEBVTT", ...cues].join("\n\n") + "\n";
}

function parseTimestamp(text: string): number {
  const [h = "0", m = "0", s = "0"] = text.split(":");
  return Math.round((Number(h) * 3600 + Number(m) * 60 + Number(s)) * 1000);
}

/** Reads back a file written by `chaptersVtt` (the replay page lists the chapters). */
export function parseChaptersVtt(vtt: string): Chapter[] {
  const chapters: Chapter[] = [];
  for (const block of vtt.replace(/\r\n/g, "\n").split(/\n{2,}/)) {
    const [id, timing, ...text] = block.split("\n");
    const times = /^(\d{2,}:\d{2}:\d{2}\.\d{3}) --> (\d{2,}:\d{2}:\d{2}\.\d{3})$/.exec(timing ?? "");
    if (!id || !times) continue;
    chapters.push({
      candidateId: id,
      name: unescapeCueText(text.filter((line) => line !== "").join(" ")),
      startMs: parseTimestamp(times[1] ?? ""),
      endMs: parseTimestamp(times[2] ?? ""),
    });
  }
  return chapters;
}

/** "mm:ss" (or "h:mm:ss") of an offset, for showing a stored chapter back in the form. */
export function formatOffset(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}
