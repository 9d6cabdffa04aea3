// docs/conventions.md#schemas-and-limits: the upload limits live once, here, and are read by the form (hint, `accept`)
// and by the server (validate-upload.ts). Images ≤ 5 MB, PDFs ≤ 20 MB, videos ≤ 1 GB.

export const MB = 1024 * 1024;

export const UPLOAD_KINDS = ["photo", "cv", "brochure", "video"] as const;
export type UploadKind = (typeof UPLOAD_KINDS)[number];

export const DETECTED_TYPES = {
  jpeg: { mime: "image/jpeg", extension: "jpg" },
  png: { mime: "image/png", extension: "png" },
  webp: { mime: "image/webp", extension: "webp" },
  pdf: { mime: "application/pdf", extension: "pdf" },
  mp4: { mime: "video/mp4", extension: "mp4" },
  webm: { mime: "video/webm", extension: "webm" },
} as const;
export type DetectedType = keyof typeof DETECTED_TYPES;

export const IMAGE_MAX_BYTES = 5 * MB;
export const PDF_MAX_BYTES = 20 * MB;
export const VIDEO_MAX_BYTES = 1024 * MB;

/** Decompression bombs: no image may decode to more pixels than this (about 40 megapixels). */
export const IMAGE_MAX_PIXELS = 40_000_000;

export const UPLOAD_RULES: Record<UploadKind, { maxBytes: number; types: readonly DetectedType[] }> = {
  photo: { maxBytes: IMAGE_MAX_BYTES, types: ["jpeg", "png", "webp"] },
  cv: { maxBytes: PDF_MAX_BYTES, types: ["pdf"] },
  brochure: { maxBytes: PDF_MAX_BYTES, types: ["pdf"] },
  video: { maxBytes: VIDEO_MAX_BYTES, types: ["mp4", "webm"] },
};

/** Kinds sent in a form to a server action; a video goes to its own streaming route (lib/materials/video.ts). */
export const FORM_UPLOAD_KINDS = ["photo", "cv", "brochure"] as const satisfies readonly UploadKind[];

/** The largest file a form may carry: the largest form kind's limit (docs/decisions/026-upload-checks.md). */
export const FORM_UPLOAD_MAX_BYTES = Math.max(...FORM_UPLOAD_KINDS.map((kind) => UPLOAD_RULES[kind].maxBytes));

/**
 * The largest request body a form with a file may have: that file plus room for the form's
 * other fields and the multipart framing. next.config.ts gives it to the proxy, which
 * buffers bodies (proxyClientMaxBodySize), and to server actions (bodySizeLimit); a larger
 * body is refused with 413 before an action reads it (lib/uploads/body-limit.ts).
 */
export const FORM_BODY_MAX_BYTES = FORM_UPLOAD_MAX_BYTES + 1 * MB;

/** A file's original name longer than this (in characters) is refused; no file system allows more. */
export const FILE_NAME_MAX_CHARS = 255;

/** The `accept` attribute of a file input for `kind`: a hint only, the server decides by content. */
export function acceptFor(kind: UploadKind): string {
  return UPLOAD_RULES[kind].types.map((t) => `${DETECTED_TYPES[t].mime},.${DETECTED_TYPES[t].extension}`).join(",");
}

/** The limit in whole megabytes, for the form's hint and the refusal message. */
export function maxMegabytes(kind: UploadKind): number {
  return Math.round(UPLOAD_RULES[kind].maxBytes / MB);
}
