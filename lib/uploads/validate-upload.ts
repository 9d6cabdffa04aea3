import "server-only";
import { DomainError } from "@/lib/errors/domain-error";
import { scanContent, type ContentScanResult } from "./content-scan";
import { fileNameProblem, randomStoredName, sanitiseFileName } from "./file-name";
import { reencodeImage } from "./image";
import { DETECTED_TYPES, FILE_NAME_MAX_CHARS, IMAGE_MAX_PIXELS, maxMegabytes, UPLOAD_RULES, type UploadKind } from "./limits";
import { logger } from "@/lib/observability/logger";
import { checkPdf, type PdfCheck, type PdfRefusal } from "./pdf";
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

// The refusals added with the whole-file checks have their own namespace (docs/decisions/026-upload-checks.md).
const check = (reason: string, values?: Record<string, string | number>) => new DomainError("INVALID_INPUT", { messageKey: `uploadChecks.${reason}`, values });

const PDF_REFUSALS: Record<PdfRefusal, () => DomainError> = {
  pdfActiveContent: () => refuse("pdfActiveContent"),
  pdfEncrypted: () => refuse("pdfEncrypted"),
  pdfUncheckable: () => refuse("pdfUncheckable"),
  pdfAutomaticAction: () => check("pdfAutomaticAction"),
  pdfExternalAction: () => check("pdfExternalAction"),
  pdfLinkScheme: () => check("pdfLinkScheme"),
};

/** Throws the refusal for an original file name that was not a browser's (NUL, a path, too long). */
export function assertFileName(originalName: string): void {
  const problem = fileNameProblem(originalName);
  if (problem) throw check(problem, problem === "fileNameTooLong" ? { limit: FILE_NAME_MAX_CHARS } : undefined);
}

/** Throws the refusal for a file with another format inside it (content-scan.ts). */
export function assertNothingHidden(scanned: ContentScanResult): void {
  if (!scanned.ok) throw refuse("polyglot");
}

/** Throws the refusal for content that is not one of `kind`'s accepted types. */
export function assertAcceptedType(kind: UploadKind, sniffed: SniffResult): asserts sniffed is Extract<SniffResult, { ok: true }> {
  if (!sniffed.ok) {
    if (sniffed.reason === "empty") throw refuse("empty");
    if (sniffed.reason === "markup") throw refuse("markupRefused");
    if (sniffed.reason === "activeFile") throw refuse("activeFileRefused");
    throw refuse("wrongType", { types: acceptedList(kind) });
  }
  if (!UPLOAD_RULES[kind].types.includes(sniffed.type)) throw refuse("wrongType", { types: acceptedList(kind) });
}

/** A PDF the checker itself fails on is one it could not check: refused as such, never a 500. */
function checkedPdf(bytes: Buffer): PdfCheck {
  try {
    return checkPdf(bytes);
  } catch (error) {
    logger().error({ detail: error instanceof Error ? error.message : String(error) }, "The PDF check failed on an upload");
    return { ok: false, reason: "pdfUncheckable" };
  }
}

/** Decides whether a file may be kept, and in what form. Throws a translated refusal otherwise. */
export async function validateUpload({ kind, bytes, originalName }: UploadInput): Promise<ValidatedUpload> {
  const rule = UPLOAD_RULES[kind];
  if (bytes.length === 0) throw refuse("empty");
  if (bytes.length > rule.maxBytes) throw refuse("tooLarge", { limit: maxMegabytes(kind) });
  assertFileName(originalName);
  const sniffed = sniff(bytes);
  assertAcceptedType(kind, sniffed);
  // A PDF's own check first: its refusals say more than "another format inside".
  if (sniffed.type === "pdf") {
    const pdf = checkedPdf(bytes);
    if (!pdf.ok) throw PDF_REFUSALS[pdf.reason]();
  }
  assertNothingHidden(scanContent(bytes, sniffed.type));

  let kept = bytes;
  if (sniffed.type === "jpeg" || sniffed.type === "png" || sniffed.type === "webp") {
    const image = await reencodeImage(bytes, sniffed.type);
    if (!image.ok) throw refuse(image.reason, image.reason === "imageTooManyPixels" ? { limit: IMAGE_MAX_PIXELS / 1_000_000 } : undefined);
    kept = image.bytes;
  }
  return {
    mime: sniffed.mime,
    extension: sniffed.extension,
    bytes: kept,
    safeName: sanitiseFileName(originalName, sniffed.extension),
    storedName: randomStoredName(sniffed.extension),
  };
}
