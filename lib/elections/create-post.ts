import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/validation/parse";
import { createPostSchema } from "./post-schema";
import { assertCodeFree, POST_FIELDS } from "./posts-admin";

/** The secretariat adds a post (an elected official, or a regional RRB or Council seat) to the console's conference. */
export async function createPost({ actor, input }: { actor: Actor | null; input: unknown }) {
  assertCan(actor, "manage:post:any");
  const data = parseInput(createPostSchema, input);
  return db().$transaction(async (tx) => {
    const conference = await tx.conference.findUnique({ where: { slug: env().HUSTINGS_CONFERENCE }, select: { id: true } });
    if (!conference) throw new DomainError("NOT_FOUND");
    await assertCodeFree(tx, conference.id, data.code);
    const after = await tx.post.create({ data: { ...data, conferenceId: conference.id }, select: POST_FIELDS });
    await emitAudit(tx, { actor, area: "post", action: "created", entity: "Post", entityId: after.id, after });
    return after;
  });
}
