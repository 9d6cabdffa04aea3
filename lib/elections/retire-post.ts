import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { lockConferenceForChange } from "@/lib/conferences/lock";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { assertConfirmed } from "@/lib/validation/confirmation";
import { parseInput } from "@/lib/validation/parse";
import { postRefSchema } from "./post-schema";
import { lockPost, POST_FIELDS } from "./posts-admin";

/**
 * A retired post leaves the public lists (lib/elections/queries.ts) and takes no new
 * candidates, but keeps the candidates who stood for it: it is never deleted then.
 */
export async function retirePost({ actor, conferenceId, input }: { actor: Actor | null; conferenceId: string; input: unknown }) {
  assertCan(actor, "manage:post:any");
  const { id } = parseInput(postRefSchema, input);
  assertConfirmed(input);
  return db().$transaction(async (tx) => {
    await lockConferenceForChange(tx, conferenceId);
    const before = await lockPost(tx, id, conferenceId);
    if (before.retiredAt) throw new DomainError("CONFLICT", { messageKey: "adminPosts.alreadyRetired" });
    const after = await tx.post.update({ where: { id }, data: { retiredAt: new Date() }, select: POST_FIELDS });
    await emitAudit(tx, { actor, area: "post", action: "retired", entity: "Post", entityId: id, before, after });
    return after;
  });
}

/** Undoes a retirement: the post is listed again and may receive candidates. */
export async function reinstatePost({ actor, conferenceId, input }: { actor: Actor | null; conferenceId: string; input: unknown }) {
  assertCan(actor, "manage:post:any");
  const { id } = parseInput(postRefSchema, input);
  return db().$transaction(async (tx) => {
    await lockConferenceForChange(tx, conferenceId);
    const before = await lockPost(tx, id, conferenceId);
    if (!before.retiredAt) throw new DomainError("CONFLICT", { messageKey: "adminPosts.notRetired" });
    const after = await tx.post.update({ where: { id }, data: { retiredAt: null }, select: POST_FIELDS });
    await emitAudit(tx, { actor, area: "post", action: "reinstated", entity: "Post", entityId: id, before, after });
    return after;
  });
}
