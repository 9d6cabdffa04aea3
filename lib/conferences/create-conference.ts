import "server-only";
import { emitAudit } from "@/lib/audit/emit";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { db, type Prisma } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { parseInput } from "@/lib/validation/parse";
import { assertNoOverlap } from "./dates";
import { CONFERENCE_FIELDS, CONFERENCE_REFUSALS } from "./fields";
import { createConferenceSchema, RESERVED_SLUGS } from "./schema";

/**
 * The secretariat opens the next conference. Its posts may be copied from an earlier one
 * (codes, kinds, regions, seats, names and order; retired posts and candidates never):
 * the elected posts rarely change between conferences (docs/decisions/012).
 */
export async function createConference({ actor, input }: { actor: Actor | null; input: unknown }) {
  assertCan(actor, "manage:conference:any");
  const { copyPostsFrom, ...data } = parseInput(createConferenceSchema, input);
  return db().$transaction(async (tx) => {
    const taken = await tx.conference.findUnique({ where: { slug: data.slug }, select: { id: true } });
    if (taken || RESERVED_SLUGS.includes(data.slug)) {
      throw new DomainError("CONFLICT", {
        messageKey: CONFERENCE_REFUSALS.slugInUse,
        values: { slug: data.slug },
        fieldErrors: { slug: CONFERENCE_REFUSALS.slugInUse },
      });
    }
    await assertNoOverlap(tx, data);
    const source = copyPostsFrom ? await tx.conference.findUnique({ where: { id: copyPostsFrom }, select: { id: true } }) : null;
    if (copyPostsFrom && !source) throw new DomainError("NOT_FOUND", { fieldErrors: { copyPostsFrom: "conferences.sourceUnknown" } });
    const created = await tx.conference.create({
      data: { ...data, opensOn: new Date(data.opensOn), closesOn: new Date(data.closesOn) },
      select: CONFERENCE_FIELDS,
    });
    const posts = source
      ? await tx.post.findMany({
          where: { conferenceId: source.id, retiredAt: null },
          select: { code: true, kind: true, region: true, seats: true, names: true, sortOrder: true },
        })
      : [];
    if (posts.length > 0) {
      await tx.post.createMany({ data: posts.map((p) => ({ ...p, names: p.names as Prisma.InputJsonValue, conferenceId: created.id })) });
    }
    await emitAudit(tx, {
      actor,
      area: "conference",
      action: "created",
      entity: "Conference",
      entityId: created.id,
      after: { ...created, postsCopiedFrom: source?.id ?? null, postCodes: posts.map((p) => p.code) },
    });
    return created;
  });
}
