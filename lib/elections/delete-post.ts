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
import { lockPost } from "./posts-admin";

/**
 * Deletes a post entered by mistake. Once anyone has stood for it (even a candidate who
 * later withdrew) the post is part of the election's record: retire it instead.
 */
export async function deletePost({ actor, conferenceId, input }: { actor: Actor | null; conferenceId: string; input: unknown }) {
  assertCan(actor, "manage:post:any");
  const { id } = parseInput(postRefSchema, input);
  assertConfirmed(input);
  return db().$transaction(async (tx) => {
    await lockConferenceForChange(tx, conferenceId);
    const before = await lockPost(tx, id, conferenceId);
    const candidates = await tx.candidate.count({ where: { postId: id } });
    if (candidates > 0) {
      throw new DomainError("CONFLICT", { messageKey: "adminPosts.hasCandidates", values: { count: candidates } });
    }
    await tx.post.delete({ where: { id } });
    await emitAudit(tx, { actor, area: "post", action: "deleted", entity: "Post", entityId: id, before });
    return before;
  });
}
