import "server-only";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { DomainError } from "@/lib/errors/domain-error";
import { storage } from "@/lib/storage";
import { maxMegabytes, UPLOAD_RULES, type UploadKind } from "./limits";
import { assertFileName, validateUpload } from "./validate-upload";

export type StoredUpload = { key: string; mime: string; safeName: string; size: number };

/**
 * Checks, cleans and stores a candidate's file; returns the key to record. The caller's own
 * service writes the record and its audit row (the file alone changes nothing visible).
 */
export async function storeUpload({ actor, kind, file }: { actor: Actor | null; kind: UploadKind; file: File }): Promise<StoredUpload> {
  const owner = { candidateId: actor?.candidateId };
  assertCan(actor, kind === "photo" || kind === "cv" ? "edit:profile:own" : "manage:material:own", owner);
  // Refused before a byte is read into memory.
  if (file.size > UPLOAD_RULES[kind].maxBytes)
    throw new DomainError("INVALID_INPUT", { messageKey: "uploads.tooLarge", values: { limit: maxMegabytes(kind) } });
  assertFileName(file.name);
  const bytes = Buffer.from(await file.arrayBuffer());
  const valid = await validateUpload({ kind, bytes, originalName: file.name, claimedType: file.type });
  await storage().put(valid.storedName, valid.bytes, valid.mime);
  return { key: valid.storedName, mime: valid.mime, safeName: valid.safeName, size: valid.bytes.length };
}
