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

/** A question put to a candidate: its chapter starts when it was shown (the record's own time). */
export type ChapterQuestion = { questionId: string; candidateId: string; shownAt: Date | null };

/** Where a candidate's presentation and Q&A began on the hearing's clock (HearingSlot). */
export type ChapterTiming = { candidateId: string; presentationStartedAt: Date | null; qaStartedAt: Date | null };

export type QuestionChapter = { candidateId: string; questionId: string; /** 1, 2, 3 in the order asked. */ number: number; startMs: number; endMs: number };

/**
 * One chapter per question asked, inside its candidate's chapter: placed from the candidate's
 * chapter start by the time between the presentation's start and the question being shown, so
 * that it follows the candidate's chapter whether that was measured or typed. The first
 * question's chapter starts with the Q&A (the chair reads it out first), as the transcript's
 * segments do (lib/transcripts/segments.ts). A question outside its candidate's chapter, or of
 * a candidate without one, is left out.
 */
export function buildQuestionChapters(input: {
  chapters: readonly Chapter[];
  timings: readonly ChapterTiming[];
  questions: readonly ChapterQuestion[];
}): QuestionChapter[] {
  const result: QuestionChapter[] = [];
  for (const chapter of input.chapters) {
    const timing = input.timings.find((t) => t.candidateId === chapter.candidateId);
    const spoke = timing?.presentationStartedAt;
    if (!timing || !spoke) continue;
    const offset = (at: Date) => chapter.startMs + (at.getTime() - spoke.getTime());
    const asked = input.questions
      .filter((q): q is ChapterQuestion & { shownAt: Date } => q.candidateId === chapter.candidateId && q.shownAt !== null)
      .sort((a, b) => a.shownAt.getTime() - b.shownAt.getTime() || a.questionId.localeCompare(b.questionId))
      .map((q, i) => {
        const from = i === 0 && timing.qaStartedAt && timing.qaStartedAt < q.shownAt ? timing.qaStartedAt : q.shownAt;
        return { questionId: q.questionId, startMs: offset(from) };
      })
      .filter((q) => q.startMs > chapter.startMs && q.startMs < chapter.endMs);
    asked.forEach((q, i) =>
      result.push({
        candidateId: chapter.candidateId,
        questionId: q.questionId,
        number: i + 1,
        startMs: q.startMs,
        endMs: asked[i + 1]?.startMs ?? chapter.endMs,
      }),
    );
  }
  return result;
}

/**
 * The chapters as the player shows them, one after the other: a candidate's chapter runs to
 * their first question's, then one per question. `questionTitle` names a question's chapter in
 * the reader's language. Question cues are identified `question-<id>`, candidates' by their id.
 */
export function playerChaptersVtt(
  chapters: readonly Chapter[],
  questions: readonly QuestionChapter[],
  questionTitle: (chapter: Chapter, question: QuestionChapter) => string,
): string {
  const cues: string[] = [];
  for (const chapter of chapters) {
    const own = questions.filter((q) => q.candidateId === chapter.candidateId);
    const end = own[0]?.startMs ?? chapter.endMs;
    cues.push(`${chapter.candidateId}\n${vttTimestamp(chapter.startMs)} --> ${vttTimestamp(end)}\n${escapeCueText(chapter.name)}`);
    for (const q of own)
      cues.push(`question-${q.questionId}\n${vttTimestamp(q.startMs)} --> ${vttTimestamp(q.endMs)}\n${escapeCueText(questionTitle(chapter, q))}`);
  }
  return ["WEBVTT", ...cues].join("\n\n") + "\n";
}

/** Seconds into the recording, as a link's `#t=` says (docs/decisions/039-interpretation-and-player.md). */
export function chapterSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}

/**
 * Where a page's address asks the player to start: `#t=<seconds>` (or `?t=`), also the media
 * fragment forms `t=1:02:03` and `t=754s`. Null when it asks nothing or nonsense.
 */
export function startFromAddress(search: string, hash: string): number | null {
  const read = (text: string) => new URLSearchParams(text.replace(/^[?#]/, "")).get("t");
  const value = (read(hash) ?? read(search))?.trim();
  if (!value) return null;
  const seconds = /^(\d{1,6})(?:\.\d+)?s?$/.exec(value);
  if (seconds) return Number(seconds[1]);
  const clock = parseOffset(value);
  return clock === null ? null : clock / 1000;
}
