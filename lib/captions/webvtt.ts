// WebVTT as the portal accepts and serves it (docs/decisions/040-captions.md): an uploaded file is
// parsed, checked and written out again, never stored as sent. What is kept of each cue is its
// timing, a few layout settings and its text as plain text: tags (<i>, <v Name>, <c.class>…)
// are dropped, entities read, and the text escaped again on the way out, so a file cannot carry
// markup, style blocks or anything a player would interpret beyond plain captions.

// No imports: the demo loader (prisma/demo/captions.ts) runs this under plain tsx, and the live
// bus (lib/hearings) reads captions, so nothing here may import from lib/hearings.

/** hh:mm:ss.ttt */
export function vttTimestamp(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  const pad = (n: number, width = 2) => String(n).padStart(width, "0");
  return `${pad(Math.floor(total / 3_600_000))}:${pad(Math.floor((total % 3_600_000) / 60_000))}:${pad(Math.floor((total % 60_000) / 1000))}.${pad(total % 1000, 3)}`;
}

/** One line of cue text as WebVTT: "&", "<" and ">" escaped, so no tag and no "-->" survives. */
export function escapeCueText(text: string): string {
  return text
    .replace(/[\r\n]+/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/** The largest caption file taken: a three-hour hearing's captions are about 300 KB. */
export const MAX_VTT_BYTES = 1024 * 1024;
export const MAX_CUES = 10_000;
export const MAX_CUE_TEXT = 1_000;

export type VttCue = { id: string | null; startMs: number; endMs: number; settings: string; text: string };

/** Why a file was refused: the message key's last part (validation in `captions.vtt.<problem>`), and the line. */
export type VttProblem = {
  problem: "empty" | "tooLarge" | "noHeader" | "badTiming" | "endBeforeStart" | "outOfOrder" | "emptyCue" | "tooManyCues" | "cueTooLong" | "styleBlock";
  line: number;
};

export type VttResult = { ok: true; cues: VttCue[]; vtt: string } | { ok: false; error: VttProblem };

const TIMESTAMP = /^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$/;
const SETTING =
  /^(?:vertical:(?:rl|lr)|line:-?\d{1,3}(?:\.\d+)?%?(?:,(?:start|center|end))?|position:\d{1,3}(?:\.\d+)?%(?:,(?:line-left|center|line-right))?|size:\d{1,3}(?:\.\d+)?%|align:(?:start|center|end|left|right))$/;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", nbsp: "\u00a0", lrm: "\u200e", rlm: "\u200f" };

function parseTimestamp(text: string): number | null {
  const match = TIMESTAMP.exec(text);
  if (!match) return null;
  const [, hours = "0", minutes = "0", seconds = "0", millis = "0"] = match;
  return ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000 + Number(millis);
}

/** A cue's payload as plain text: tags dropped, entities read, control characters removed, lines joined. */
export function plainCueText(payload: string): string {
  return payload
    .replace(/<[^>]*>/g, "")
    .replace(/&(amp|lt|gt|nbsp|lrm|rlm);/g, (_m, name: string) => ENTITIES[name] ?? "")
    .replace(/&#(\d{1,7});/g, (_m, code: string) => safeCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]{1,6});/gi, (_m, code: string) => safeCodePoint(parseInt(code, 16)))
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
    .split("\n")
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
}

function safeCodePoint(code: number): string {
  if (!Number.isInteger(code) || code < 0x20 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || code === 0x7f) return "";
  return String.fromCodePoint(code);
}

/** A cue's text as WebVTT: escaped line by line (a blank line or "-->" cannot appear). */
function cueTextVtt(text: string): string {
  return text
    .split("\n")
    .map((line) => escapeCueText(line))
    .join("\n");
}

/** Cues as a WebVTT file. */
export function writeVtt(cues: ReadonlyArray<{ id?: string | null; startMs: number; endMs: number; settings?: string; text: string }>): string {
  const blocks = cues.map((cue) => {
    const timing = `${vttTimestamp(cue.startMs)} --> ${vttTimestamp(cue.endMs)}${cue.settings ? ` ${cue.settings}` : ""}`;
    return `${cue.id ? `${cue.id.replace(/-->|\n/g, " ")}\n` : ""}${timing}\n${cueTextVtt(cue.text)}`;
  });
  return ["WEBVTT", ...blocks].join("\n\n") + "\n";
}

/**
 * Parses a WebVTT file as sent (a pasted text or an uploaded file's contents) and returns its cues
 * and the file as the portal serves it, or the first problem found with its line number.
 */
export function parseVtt(input: string): VttResult {
  if (Buffer.byteLength(input, "utf8") > MAX_VTT_BYTES) return { ok: false, error: { problem: "tooLarge", line: 0 } };
  const text = input
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .replace(/\u0000/g, "\uFFFD");
  if (text.trim() === "") return { ok: false, error: { problem: "empty", line: 1 } };
  const lines = text.split("\n");
  if (!/^WEBVTT(?:[ \t].*)?$/.test(lines[0] ?? "")) return { ok: false, error: { problem: "noHeader", line: 1 } };
  // The header's own lines run to the first blank line.
  let index = 1;
  while (index < lines.length && lines[index] !== "") {
    if ((lines[index] ?? "").includes("-->")) return { ok: false, error: { problem: "noHeader", line: index + 1 } };
    index += 1;
  }
  const cues: VttCue[] = [];
  let previousStart = 0;
  while (index < lines.length) {
    while (index < lines.length && (lines[index] ?? "").trim() === "") index += 1;
    if (index >= lines.length) break;
    const blockStart = index;
    const block: string[] = [];
    while (index < lines.length && (lines[index] ?? "").trim() !== "") block.push(lines[index++] ?? "");
    const first = block[0] ?? "";
    if (/^NOTE(?:[ \t]|$)/.test(first)) continue;
    if (/^(?:STYLE|REGION)(?:[ \t]|$)/.test(first) && !first.includes("-->")) return { ok: false, error: { problem: "styleBlock", line: blockStart + 1 } };
    const hasId = !first.includes("-->");
    const timingLine = hasId ? block[1] : first;
    const timingAt = blockStart + (hasId ? 2 : 1);
    const timing = /^(\S+)[ \t]+-->[ \t]+(\S+)(.*)$/.exec(timingLine ?? "");
    if (!timing) return { ok: false, error: { problem: "badTiming", line: timingAt } };
    const startMs = parseTimestamp(timing[1] ?? "");
    const endMs = parseTimestamp(timing[2] ?? "");
    if (startMs === null || endMs === null) return { ok: false, error: { problem: "badTiming", line: timingAt } };
    if (endMs <= startMs) return { ok: false, error: { problem: "endBeforeStart", line: timingAt } };
    if (startMs < previousStart) return { ok: false, error: { problem: "outOfOrder", line: timingAt } };
    previousStart = startMs;
    const settings = (timing[3] ?? "")
      .trim()
      .split(/[ \t]+/)
      .filter((setting) => SETTING.test(setting))
      .join(" ");
    const payload = plainCueText(block.slice(hasId ? 2 : 1).join("\n"));
    if (payload === "") return { ok: false, error: { problem: "emptyCue", line: timingAt } };
    if (payload.length > MAX_CUE_TEXT) return { ok: false, error: { problem: "cueTooLong", line: timingAt } };
    if (cues.length >= MAX_CUES) return { ok: false, error: { problem: "tooManyCues", line: timingAt } };
    const id = hasId ? first.trim().slice(0, 100) : null;
    cues.push({ id, startMs, endMs, settings, text: payload });
  }
  if (cues.length === 0) return { ok: false, error: { problem: "empty", line: lines.length } };
  return { ok: true, cues, vtt: writeVtt(cues) };
}
