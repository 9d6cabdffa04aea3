import "server-only";
import { DomainError } from "@/lib/errors/domain-error";
import { randomStoredName, sanitiseFileName } from "./file-name";
import { reencodeImage } from "./image";
import { DETECTED_TYPES, IMAGE_MAX_PIXELS, maxMegabytes, UPLOAD_RULES, type UploadKind } from "./limits";
import { checkPdf } from "./pdf";
import { sniff, type SniffResult } from "./sniff";

export type UploadInput = {
  kind: UploadKind;
  bytes: Buffer;
  originalName: string;
  /** What the browser said the type was: recorded nowhere and trusted never (sniff.ts decides). */
  claimedType?: string;
};

export type ValidatedUpload = { mime: string; extension: string; bytes: Buffer; safeName: string; storedName: string };

const refuse = (reason: string, values?: Record<string, string | number>) => new DomainError("INVALID_INPUT", { messageKey: `uploads.${reason}`, values });

const acceptedList = (kind: UploadKind) => UPLOAD_RULES[kind].types.map((t) => DETECTED_TYPES[t].extension.toUpperCase()).join(", ");

/** Throws the refusal for content that is not one of `kind`'s accepted types. */
export function assertAcceptedType(kind: UploadKind, sniffed: SniffResult): asserts sniffed is Extract<SniffResult, { ok: true }> {
  if (!sniffed.ok) {
    if (sniffed.reason === "empty") throw refuse("empty");
    if (sniffed.reason === "markup") throw refuse("markupRefused");
    if (sniffed.reason === "activeFile") throw refuse("activeFileRefused");
    if (sniffed.reason === "polyglot") throw refuse("polyglot");
    throw refuse("wrongType", { types: acceptedList(kind) });
  }
  if (!UPLOAD_RULES[kind].types.includes(sniffed.type)) throw refuse("wrongType", { types: acceptedList(kind) });
}

/** Decides whether a file may be kept, and in what form. Throws a translated refusal otherwise. */
export async function validateUpload({ kind, bytes, originalName }: UploadInput): Promise<ValidatedUpload> {
  const rule = UPLOAD_RULES[kind];
  if (bytes.length === 0) throw refuse("empty");
  if (bytes.length > rule.maxBytes) throw refuse("tooLarge", { limit: maxMegabytes(kind) });
  const sniffed = sniff(bytes);
  assertAcceptedType(kind, sniffed);

  let kept = bytes;
  if (sniffed.type === "jpeg" || sniffed.type === "png" || sniffed.type === "webp") {
    const image = await reencodeImage(bytes, sniffed.type);
    if (!image.ok) throw refuse(image.reason, image.reason === "imageTooManyPixels" ? { limit: IMAGE_MAX_PIXELS / 1_000_000 } : undefined);
    kept = image.bytes;
  } else if (sniffed.type === "pdf") {
    const pdf = checkPdf(bytes);
    if (!pdf.ok) throw refuse(pdf.reason);
  }
  return {
    mime: sniffed.mime,
    extension: sniffed.extension,
    bytes: kept,
    safeName: sanitiseFileName(originalName, sniffed.extension),
    storedName: randomStoredName(sniffed.extension),
  };
}
