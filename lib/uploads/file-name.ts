import { randomBytes } from "node:crypto";
import { FILE_NAME_MAX_CHARS } from "./limits";

// The original name is only ever shown and offered as a download name, after
// sanitising; the stored name is random, so nothing a user types reaches the file system.

export const STORED_KEY = /^[a-f0-9]{32}\.[a-z0-9]{2,5}$/;
const MAX_STEM = 100;

// Bidi embeddings/overrides/isolates and marks (a "photo\u202Egpj.exe" shows as "photoexe.jpg"),
// plus every other invisible format character and control character.
const INVISIBLE = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\p{Cc}\p{Cf}]/gu;
const RESERVED = /[<>:"/\\|?*]/g;
const TRAILING_EXTENSION = /\.[A-Za-z0-9]{1,5}$/;

export type FileNameProblem = "fileNameControl" | "fileNamePath" | "fileNameTooLong";

// A browser sends a file's own name, never a path; a name with a control character (NUL
// above all) or longer than file systems allow was written by hand to probe the server, and
// is refused (docs/decisions/026-upload-checks.md) rather than repaired.
const CONTROL = /\p{Cc}/u;
const SEPARATOR = /[/\\]/;

/** Why an original file name is refused (NUL or another control character, a path, too long), or null. */
export function fileNameProblem(original: string): FileNameProblem | null {
  if (CONTROL.test(original)) return "fileNameControl";
  if (SEPARATOR.test(original)) return "fileNamePath";
  if ([...original].length > FILE_NAME_MAX_CHARS) return "fileNameTooLong";
  return null;
}

/** A display name: basename only, no invisible characters, NFC, short, ending in `extension`. */
export function sanitiseFileName(original: string, extension: string): string {
  const base = original.split(/[/\\]/).pop() ?? "";
  let stem = base.normalize("NFC").replace(INVISIBLE, "").replace(RESERVED, "_").trim();
  // Every trailing extension goes ("brochure.pdf.exe" → "brochure"); the detected one is added.
  while (TRAILING_EXTENSION.test(stem)) stem = stem.replace(TRAILING_EXTENSION, "");
  stem = stem.replace(/^[.\s]+|[.\s]+$/g, "");
  stem = [...stem].slice(0, MAX_STEM).join("").trim();
  return `${stem || "file"}.${extension}`;
}

/** 128 random bits and the detected extension: the only name the store ever sees. */
export function randomStoredName(extension: string): string {
  return `${randomBytes(16).toString("hex")}.${extension}`;
}

/** A Content-Disposition value safe for any name: ASCII fallback plus RFC 5987 `filename*`. */
export function contentDisposition(kind: "inline" | "attachment", safeName: string): string {
  const fallback = safeName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(safeName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
