import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { lockConferenceForChange } from "@/lib/conferences/lock";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/validation/parse";
import { updatePostSchema } from "./post-schema";
import { assertCodeFree, lockPost, POST_FIELDS } from "./posts-admin";

/** The secretariat edits a post's code, kind, region, seats, order and names. */
export async function updatePost({ actor, conferenceId, input }: { actor: Actor | null; conferenceId: string; input: unknown }) {
  assertCan(actor, "manage:post:any");
  const { id, ...data } = parseInput(updatePostSchema, input);
  return db().$transaction(async (tx) => {
    await lockConferenceForChange(tx, conferenceId);
    const before = await lockPost(tx, id, conferenceId);
    await assertCodeFree(tx, before.conferenceId, data.code, id);
    const after = await tx.post.update({ where: { id }, data, select: POST_FIELDS });
    await emitAudit(tx, { actor, area: "post", action: "updated", entity: "Post", entityId: id, before, after });
    return after;
  });
}
