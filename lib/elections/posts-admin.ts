import "server-only";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { db, type Prisma, type Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";

export const POST_FIELDS = {
  id: true,
  conferenceId: true,
  code: true,
  kind: true,
  region: true,
  seats: true,
  names: true,
  sortOrder: true,
  retiredAt: true,
} satisfies Prisma.PostSelect;

/**
 * A post read inside a change on `conferenceId`, locked so that two officers' edits apply one
 * after the other. The caller has locked the conference first (lib/conferences/lock): a post
 * of another conference is refused as unknown (docs/decisions/012).
 */
export async function lockPost(tx: Tx, id: string, conferenceId: string) {
  await tx.$executeRaw`SELECT 1 FROM "Post" WHERE id = ${id} FOR UPDATE`;
  const post = await tx.post.findUnique({ where: { id }, select: POST_FIELDS });
  if (!post || post.conferenceId !== conferenceId) throw new DomainError("NOT_FOUND");
  return post;
}

/** A code is unique per conference: the public post pages are addressed by it. */
export async function assertCodeFree(tx: Tx, conferenceId: string, code: string, exceptId?: string) {
  const clash = await tx.post.findUnique({ where: { conferenceId_code: { conferenceId, code } }, select: { id: true } });
  if (clash && clash.id !== exceptId) {
    throw new DomainError("CONFLICT", { messageKey: "adminPosts.codeTaken", values: { code }, fieldErrors: { code: "adminPosts.codeTaken" } });
  }
}

/** Every post of `conferenceId`, retired ones too, with how many candidates ever stood. */
export async function listPostsForAdmin(actor: Actor | null, conferenceId: string) {
  assertCan(actor, "manage:post:any");
  const posts = await db().post.findMany({
    where: { conferenceId },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    select: { ...POST_FIELDS, _count: { select: { candidates: true } } },
  });
  return posts.map(({ _count, ...p }) => ({ ...p, candidateCount: _count.candidates }));
}

/** One post of `conferenceId`; one of another conference is NOT_FOUND here. */
export async function getPostForAdmin(actor: Actor | null, which: { conferenceId: string; id: string }) {
  assertCan(actor, "manage:post:any");
  const post = await db().post.findFirst({
    where: { id: which.id, conferenceId: which.conferenceId },
    select: { ...POST_FIELDS, _count: { select: { candidates: true } } },
  });
  if (!post) throw new DomainError("NOT_FOUND");
  const { _count, ...rest } = post;
  return { ...rest, candidateCount: _count.candidates };
}
