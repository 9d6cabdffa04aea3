import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { lockConferenceForChange } from "@/lib/conferences/lock";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/validation/parse";
import { createPostSchema } from "./post-schema";
import { assertCodeFree, POST_FIELDS } from "./posts-admin";

/** The secretariat adds a post (an elected official, or a regional RRB or Council seat) to `conferenceId`. */
export async function createPost({ actor, conferenceId, input }: { actor: Actor | null; conferenceId: string; input: unknown }) {
  assertCan(actor, "manage:post:any");
  const data = parseInput(createPostSchema, input);
  return db().$transaction(async (tx) => {
    const conference = await lockConferenceForChange(tx, conferenceId);
    await assertCodeFree(tx, conference.id, data.code);
    const after = await tx.post.create({ data: { ...data, conferenceId: conference.id }, select: POST_FIELDS });
    await emitAudit(tx, { actor, area: "post", action: "created", entity: "Post", entityId: after.id, after });
    return after;
  });
}
