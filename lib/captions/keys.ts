import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/validation/parse";
import { issueKeySchema, revokeKeySchema } from "./schema";

// A captioner's key for one hearing's ingest (docs/decisions/040-captions.md): issued by the
// secretariat and shown once, kept only as its sha256 (a key is 32 random bytes: no salt or slow
// hash is needed to make its hash useless), revocable at any time, every issue and revocation
// audited. The captioner sends it as `Authorization: Bearer <key>`.

const PREFIX = "hcap_";

export function hashCaptionerKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

export function newCaptionerKey(): string {
  return PREFIX + randomBytes(32).toString("base64url");
}

/** The key in an `Authorization` header, or null when there is none of our shape. */
export function bearerKey(authorization: string | null): string | null {
  const match = /^Bearer[ \t]+(\S{1,200})[ \t]*$/i.exec(authorization ?? "");
  return match?.[1] ?? null;
}

export type CaptionerKeyView = { id: string; label: string; createdAt: Date; revokedAt: Date | null; lastUsedAt: Date | null };

/** The secretariat's list of a hearing's keys, newest first (never the keys themselves). */
export async function listCaptionerKeys(actor: Actor | null, hearingId: string): Promise<CaptionerKeyView[]> {
  assertCan(actor, "manage:hearing:any");
  return db().captionerKey.findMany({
    where: { hearingId },
    orderBy: { createdAt: "desc" },
    select: { id: true, label: true, createdAt: true, revokedAt: true, lastUsedAt: true },
  });
}

/** Issues a key for a hearing that has not ended; returns it, the only time it is ever shown. */
export async function issueCaptionerKey({ actor, input, key = newCaptionerKey() }: { actor: Actor | null; input: unknown; key?: string }) {
  assertCan(actor, "manage:hearing:any");
  const data = parseInput(issueKeySchema, input);
  return db().$transaction(async (tx) => {
    const hearing = await tx.hearing.findUnique({ where: { id: data.hearingId }, select: { id: true, status: true } });
    if (!hearing) throw new DomainError("NOT_FOUND");
    if (hearing.status === "ENDED") throw new DomainError("CONFLICT", { messageKey: "captionsAdmin.keyAfterEnd" });
    const row = await tx.captionerKey.create({
      data: { hearingId: hearing.id, label: data.label, keyHash: hashCaptionerKey(key), createdById: actor.id },
      select: { id: true, label: true, createdAt: true },
    });
    await emitAudit(tx, {
      actor,
      area: "hearing",
      action: "captioner-key-issued",
      entity: "Hearing",
      entityId: hearing.id,
      after: { keyId: row.id, label: row.label },
    });
    return { id: row.id, label: row.label, key };
  });
}

/** Revokes a key at once: the captioner's next request is refused. Revoking a revoked key changes nothing. */
export async function revokeCaptionerKey({ actor, input }: { actor: Actor | null; input: unknown }) {
  assertCan(actor, "manage:hearing:any");
  const data = parseInput(revokeKeySchema, input);
  return db().$transaction(async (tx) => {
    const key = await tx.captionerKey.findUnique({ where: { id: data.keyId }, select: { id: true, hearingId: true, label: true, revokedAt: true } });
    if (!key || key.hearingId !== data.hearingId) throw new DomainError("NOT_FOUND");
    if (key.revokedAt) return { id: key.id, revokedAt: key.revokedAt };
    const revokedAt = new Date();
    await tx.captionerKey.update({ where: { id: key.id }, data: { revokedAt }, select: { id: true } });
    await emitAudit(tx, {
      actor,
      area: "hearing",
      action: "captioner-key-revoked",
      entity: "Hearing",
      entityId: key.hearingId,
      before: { keyId: key.id, label: key.label, revokedAt: null },
      after: { keyId: key.id, label: key.label, revokedAt },
    });
    return { id: key.id, revokedAt };
  });
}

export type CaptionerIdentity = { keyId: string; hearingId: string };

/**
 * The captioner a request's `Authorization` names, for `hearingId`: UNAUTHENTICATED without a
 * key, with a key that was never issued or was revoked; FORBIDDEN with a key of another hearing.
 */
export async function authenticateCaptioner(authorization: string | null, hearingId: string): Promise<CaptionerIdentity> {
  const key = bearerKey(authorization);
  if (!key) throw new DomainError("UNAUTHENTICATED", { messageKey: "captionIngest.keyMissing" });
  const row = await db().captionerKey.findUnique({ where: { keyHash: hashCaptionerKey(key) }, select: { id: true, hearingId: true, revokedAt: true } });
  if (!row || row.revokedAt) throw new DomainError("UNAUTHENTICATED", { messageKey: "captionIngest.keyInvalid" });
  if (row.hearingId !== hearingId) throw new DomainError("FORBIDDEN", { messageKey: "captionIngest.otherHearing" });
  return { keyId: row.id, hearingId: row.hearingId };
}
