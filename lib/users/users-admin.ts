import "server-only";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { db, type Prisma, type Tx } from "@/lib/db";
import { isRefusedAccountAddress } from "@/lib/candidates/contact-domain";
import { DomainError } from "@/lib/errors/domain-error";
import { leavesNoActiveSecretariat } from "./last-secretariat";
import { USERS_LIST, usersListSchema } from "./schema";

/** What the audit log keeps of a user: never the password hash. */
export const USER_FIELDS = {
  id: true,
  email: true,
  name: true,
  role: true,
  candidateId: true,
  memberStateId: true,
  nationalityId: true,
  isStaff: true,
  disabledAt: true,
  sessionVersion: true,
} as const;

/** The user, locked until the change commits. */
export async function lockUser(tx: Tx, userId: string) {
  await tx.$executeRaw`SELECT 1 FROM "User" WHERE id = ${userId} FOR UPDATE`;
  const user = await tx.user.findUnique({ where: { id: userId }, select: USER_FIELDS });
  if (!user) throw new DomainError("NOT_FOUND", { messageKey: "adminUsers.notFound" });
  return user;
}

/**
 * Refuses a change that would leave no active secretariat account. The active secretariat
 * rows are locked (in id order, so two changes never deadlock): a second change waits for
 * the first to commit and then sees its result, so two officers disabling the last two
 * accounts at once cannot both succeed.
 */
export async function assertNotLastSecretariat(tx: Tx, userId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM "User" WHERE role = 'SECRETARIAT' AND "disabledAt" IS NULL ORDER BY id FOR UPDATE`;
  if (
    leavesNoActiveSecretariat(
      rows.map((r) => r.id),
      userId,
    )
  ) {
    throw new DomainError("CONFLICT", { messageKey: "adminUsers.lastSecretariat" });
  }
}

/** A candidature that exists and has no account yet; otherwise the refusal says which. */
export async function assertCandidatureFree(tx: Tx, candidateId: string, exceptUserId?: string) {
  const candidate = await tx.candidate.findUnique({ where: { id: candidateId }, select: { id: true, memberStateId: true, user: { select: { id: true } } } });
  if (!candidate) throw new DomainError("NOT_FOUND", { fieldErrors: { candidateId: "adminUsers.candidateNotFound" } });
  if (candidate.user && candidate.user.id !== exceptUserId) {
    throw new DomainError("CONFLICT", { fieldErrors: { candidateId: "adminUsers.candidateTaken" }, messageKey: "adminUsers.candidateTaken" });
  }
  return candidate;
}

/** A Member State chosen in a user form exists; `field` is the form field the refusal names. */
export async function assertMemberStateExists(tx: Tx, memberStateId: string | null, field: "memberStateId" | "nationalityId") {
  if (memberStateId && !(await tx.memberState.findUnique({ where: { id: memberStateId }, select: { id: true } }))) {
    throw new DomainError("NOT_FOUND", { fieldErrors: { [field]: "adminUsers.memberStateNotFound" } });
  }
}

/**
 * A candidate account's address is where forum mail goes: it may not be on a corporate
 * domain of its candidature's conference (lib/candidates/contact-domain.ts). The refusal
 * names `field`, the form field that can fix it.
 */
export async function assertAccountAddressAllowed(
  tx: Tx,
  account: { role: string; email: string; candidateId: string | null },
  field: "email" | "candidateId",
) {
  if (account.role !== "CANDIDATE" || !account.candidateId) return;
  const candidate = await tx.candidate.findUnique({ where: { id: account.candidateId }, select: { conference: { select: { corporateDomains: true } } } });
  if (candidate && isRefusedAccountAddress(account, candidate.conference.corporateDomains)) {
    throw new DomainError("INVALID_INPUT", {
      fieldErrors: { [field]: field === "email" ? "adminUsers.corporateAddress" : "adminUsers.corporateAddressToBind" },
    });
  }
}

/**
 * One page of the accounts, for the users page: newest first (an account just created, or
 * just come by single sign-on, is where the secretariat looks for it), ties broken by id so
 * that a page never shifts between two reads. `q` finds an address or a name, whatever the
 * case; a page past the end is the last one. Whether each account has a password is
 * answered for this page's rows alone, never carrying the hash.
 */
export async function listUsersForAdmin(actor: Actor | null, input: unknown = {}) {
  assertCan(actor, "manage:user:any");
  const parsed = usersListSchema.safeParse(input ?? {});
  const { q, page: requested } = parsed.success ? parsed.data : { q: "", page: 1 };
  const size = USERS_LIST.pageSize;
  // Longer than any address or name: nothing can contain it.
  if (q.length > USERS_LIST.query) return { users: [], total: 0, page: 1, pageCount: 1, pageSize: size, q };
  // Prisma hands `contains` to ILIKE as it is: "%" and "_" would match anything, so they
  // (and the escape character itself) are escaped to mean themselves.
  const text = q.replace(/[\\%_]/g, "\\$&");
  const where: Prisma.UserWhereInput = q ? { OR: [{ email: { contains: text, mode: "insensitive" } }, { name: { contains: text, mode: "insensitive" } }] } : {};
  const total = await db().user.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / size));
  const page = Math.min(requested, pageCount);
  const rows = await db().user.findMany({
    where,
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      isStaff: true,
      disabledAt: true,
      memberState: { select: { iso2: true, nameEn: true } },
      nationality: { select: { iso2: true, nameEn: true } },
      candidate: { select: { id: true, name: true, conference: { select: { name: true } } } },
      _count: { select: { setupTokens: { where: { usedAt: null, expiresAt: { gt: new Date() } } } } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * size,
    take: size,
  });
  const withPassword = new Set(
    (await db().user.findMany({ where: { id: { in: rows.map((r) => r.id) }, passwordHash: { not: null } }, select: { id: true } })).map((r) => r.id),
  );
  const users = rows.map((r) => ({ ...r, hasPassword: withPassword.has(r.id) }));
  return { users, total, page, pageCount, pageSize: size, q };
}

/** One account, for its edit page. */
export async function getUserForAdmin(actor: Actor | null, userId: string) {
  assertCan(actor, "manage:user:any");
  const user = await db().user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      memberStateId: true,
      nationalityId: true,
      isStaff: true,
      disabledAt: true,
      candidate: { select: { name: true, conference: { select: { name: true } } } },
    },
  });
  if (!user) throw new DomainError("NOT_FOUND", { messageKey: "adminUsers.notFound" });
  return user;
}

/** Candidatures without an account yet, in every open conference (a closed one is read-only). */
export async function listCandidaturesWithoutAccount(actor: Actor | null) {
  assertCan(actor, "manage:user:any");
  return db().candidate.findMany({
    where: { conference: { closedAt: null }, user: null },
    select: { id: true, name: true, memberState: { select: { iso2: true, nameEn: true } }, conference: { select: { name: true } } },
    orderBy: [{ conference: { opensOn: "desc" } }, { name: "asc" }],
  });
}

/** Member States, for the user's administration and nationality (docs/domain.md#hearing-chair-impartial). */
export async function listMemberStatesForAdmin(actor: Actor | null) {
  assertCan(actor, "manage:user:any");
  return db().memberState.findMany({ select: { id: true, iso2: true, nameEn: true }, orderBy: { nameEn: "asc" } });
}
