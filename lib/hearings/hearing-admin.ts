import "server-only";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { CONFERENCE_FIELDS } from "@/lib/conferences/fields";
import { db, type Tx } from "@/lib/db";
import { DomainError } from "@/lib/errors/domain-error";
import { hearingStage } from "./stage";
import { startBlockers } from "./start-checks";

export const HEARING_FIELDS = {
  id: true,
  conferenceId: true,
  startsAt: true,
  presentationMinutes: true,
  qaMinutes: true,
  questionsPerCandidate: true,
  chairId: true,
  venue: true,
  webcastKind: true,
  webcastSource: true,
  webcastAccess: true,
  // The seed itself stays secret until revealed; only its hash is ever read here.
  seedHash: true,
  seedCommittedAt: true,
  seedRevealedAt: true,
  startedAt: true,
  closedAt: true,
  status: true,
} as const;

/**
 * ¶6: the hearing is for the five elected officials; every formal candidature that has not
 * been withdrawn presents.
 */
export function presentersOf(tx: Tx, conferenceId: string) {
  return tx.candidate.findMany({
    where: { conferenceId, status: "FORMAL", post: { kind: "ELECTED_OFFICIAL", retiredAt: null } },
    select: { id: true, memberStateId: true },
    orderBy: { id: "asc" },
  });
}

/** Which of a conference's hearings a change is about: the real one unless told. */
export type WhichHearing = { rehearsal?: boolean };

/**
 * The conference's hearing, locked for the rest of the change: the real one (one per
 * conference), or with `{ rehearsal: true }` its rehearsal, at most one at a time
 * (docs/decisions/018-rehearsal-hearings.md).
 */
export async function lockHearing(tx: Tx, conferenceId: string, which: WhichHearing = {}) {
  const rehearsal = which.rehearsal ?? false;
  const hearing = await tx.hearing.findFirst({ where: { conferenceId, rehearsal }, select: { id: true }, orderBy: { createdAt: "asc" } });
  if (!hearing) return null;
  await tx.$executeRaw`SELECT 1 FROM "Hearing" WHERE id = ${hearing.id} FOR UPDATE`;
  return tx.hearing.findUniqueOrThrow({ where: { id: hearing.id }, select: HEARING_FIELDS });
}

export async function requireHearing(tx: Tx, conferenceId: string, which: WhichHearing = {}) {
  const hearing = await lockHearing(tx, conferenceId, which);
  if (!hearing) throw new DomainError("CONFLICT", { messageKey: which.rehearsal ? "rehearsal.refusals.none" : "adminHearing.noHearing" });
  return hearing;
}

/**
 * A hearing named by id in a change made on `conferenceId`'s console: one of another
 * conference is refused as unknown (a stale tab never changes a conference it does not show).
 */
export async function assertHearingOfConference(tx: Tx, hearingId: string, conferenceId: string) {
  const hearing = await tx.hearing.findUnique({ where: { id: hearingId }, select: { conferenceId: true } });
  if (!hearing || hearing.conferenceId !== conferenceId) throw new DomainError("NOT_FOUND");
}

/** Everything the secretariat's page of `conferenceId`'s hearing shows. */
export async function getHearingForAdmin(actor: Actor | null, conferenceId: string) {
  assertCan(actor, "manage:hearing:any");
  const client = db();
  const conference = await client.conference.findUnique({ where: { id: conferenceId }, select: CONFERENCE_FIELDS });
  if (!conference) throw new DomainError("NOT_FOUND");
  const [hearing, chairs, presenters] = await Promise.all([
    client.hearing.findFirst({
      // The real hearing: a rehearsal has a section of its own (rehearsal-admin.ts).
      where: { conferenceId: conference.id, rehearsal: false },
      orderBy: { createdAt: "asc" },
      select: {
        ...HEARING_FIELDS,
        slots: {
          select: {
            id: true,
            position: true,
            candidate: { select: { id: true, name: true, status: true, memberState: { select: { iso3: true, nameEn: true } } } },
          },
          orderBy: [{ position: "asc" }, { candidateId: "asc" }],
        },
        draws: {
          where: { kind: "RUNNING_ORDER" },
          select: { id: true, eligibleIds: true, result: true, algorithm: true, createdAt: true, seedHash: true, entropy: true },
          orderBy: { createdAt: "desc" },
        },
        // Voided commitments are public, their seeds with them (docs/decisions/014).
        voidedCommitments: {
          select: { id: true, seedHash: true, seed: true, committedAt: true, voidedAt: true, reason: true },
          orderBy: { voidedAt: "desc" },
        },
      },
    }),
    client.user.findMany({
      where: { role: "CHAIR", disabledAt: null },
      select: { id: true, name: true, isStaff: true, memberState: { select: { iso3: true } }, nationality: { select: { iso3: true } } },
      orderBy: { name: "asc" },
    }),
    presentersOf(client, conference.id),
  ]);
  // The stage, and before the start what would block it (judged again when the chair starts).
  const stage = hearing ? hearingStage(hearing) : null;
  const blockers = hearing && (stage === "SET_UP" || stage === "COMMITTED") ? await startBlockers(client, hearing.id) : [];
  return { conference, hearing, stage, blockers, chairs, presenterIds: presenters.map((p) => p.id) };
}
