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

/** The `accept` attribute of a file input for `kind`: a hint only, the server decides by content. */
export function acceptFor(kind: UploadKind): string {
  return UPLOAD_RULES[kind].types.map((t) => `${DETECTED_TYPES[t].mime},.${DETECTED_TYPES[t].extension}`).join(",");
}

/** The limit in whole megabytes, for the form's hint and the refusal message. */
export function maxMegabytes(kind: UploadKind): number {
  return Math.round(UPLOAD_RULES[kind].maxBytes / MB);
}
