import "server-only";
import { assertCan } from "@/lib/auth/assert";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { hearingStage } from "./stage";
import { startBlockers } from "./start-checks";

/**
 * The rehearsal section of the secretariat's hearing page (docs/decisions/018-rehearsal-hearings.md):
 * the conference's rehearsal, if any, with its stage, running order, commitment and what
 * would block its start, and whether a new one may be started.
 */
export async function getRehearsalForAdmin(actor: Actor | null, conferenceId: string) {
  assertCan(actor, "manage:hearing:any");
  const client = db();
  const [conference, real, hearing] = await Promise.all([
    client.conference.findUnique({ where: { id: conferenceId }, select: { closedAt: true } }),
    client.hearing.findFirst({ where: { conferenceId, rehearsal: false }, orderBy: { createdAt: "asc" }, select: { status: true } }),
    client.hearing.findFirst({
      where: { conferenceId, rehearsal: true },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        startsAt: true,
        status: true,
        seedHash: true,
        seedCommittedAt: true,
        seedRevealedAt: true,
        closedAt: true,
        presentationMinutes: true,
        qaMinutes: true,
        questionsPerCandidate: true,
        chair: { select: { name: true } },
        slots: {
          select: { id: true, position: true, candidate: { select: { name: true, memberState: { select: { iso3: true } } } } },
          orderBy: [{ position: { sort: "asc", nulls: "last" } }, { candidateId: "asc" }],
        },
        draws: { where: { kind: "RUNNING_ORDER" }, select: { seedHash: true } },
        _count: { select: { questions: true, draws: true, events: true } },
      },
    }),
  ]);
  const closed = conference?.closedAt != null;
  // Why a rehearsal may not be started now; null when it may (the service decides again).
  const startRefusal = closed ? "closed" : !real ? "noHearing" : real.status === "LIVE" ? "realLive" : hearing ? "exists" : null;
  if (!hearing) return { rehearsal: null, startRefusal, closed };
  const stage = hearingStage(hearing);
  const { draws, _count, ...rest } = hearing;
  return {
    rehearsal: {
      ...rest,
      stage,
      drawnUnderCommitment: hearing.seedHash !== null && draws.some((d) => d.seedHash === hearing.seedHash),
      counts: _count,
      blockers: stage === "SET_UP" || stage === "COMMITTED" ? await startBlockers(client, hearing.id) : [],
    },
    startRefusal,
    closed,
  };
}

export type RehearsalForAdmin = Awaited<ReturnType<typeof getRehearsalForAdmin>>;
