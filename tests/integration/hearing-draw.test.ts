import { beforeAll, describe, expect, it } from "vitest";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { seedHash, verifyDraw } from "@/lib/draw/verifiable-draw";
import { isDomainError } from "@/lib/errors/domain-error";
import { commitSeed } from "@/lib/hearings/commit-seed";
import { drawRunningOrder } from "@/lib/hearings/draw-running-order";
import { refreshPresenters } from "@/lib/hearings/refresh-presenters";
import { setUpHearing } from "@/lib/hearings/set-up-hearing";
import { withAppDatabase } from "../support/app-database";
import { auditRowsFor } from "../support/audit";
import { asActor, makeUser, type TestUser } from "../support/factories";
import { hearingInput, makeChair, makeHearingConference, makeMemberState, makeStandingCandidate } from "../support/factories-hearing";
import { expectOnlyRoleAllowed } from "../support/roles";

// In order on this file's own database: commit, draw, refuse a second draw, redraw after the
// presenters changed.
const database = withAppDatabase();
let db: PrismaClient;
let secretariat: TestUser;
let conferenceId: string;
let hearingId: string;

beforeAll(async () => {
  db = createDb(database.url());
  conferenceId = (await makeHearingConference(db)).id;
  secretariat = await makeUser(db, "SECRETARIAT");
  for (let i = 0; i < 4; i++) await makeStandingCandidate(db, { conferenceId, memberStateId: (await makeMemberState(db)).id });
  const chair = await makeChair(db);
  hearingId = (await setUpHearing({ actor: asActor(secretariat), conferenceId, input: hearingInput(chair.id) })).id;
});

async function messageOf(call: () => Promise<unknown>) {
  try {
    await call();
  } catch (error) {
    if (isDomainError(error)) return error.messageKey ?? error.code;
    throw error;
  }
  return "ALLOWED";
}

describe("the running order drawn by lot", () => {
  it("refuses to draw before a seed hash is published", async () => {
    expect(await messageOf(() => drawRunningOrder({ actor: asActor(secretariat), conferenceId, input: {} }))).toBe("adminHearing.seedNotCommitted");
    expect(await db.draw.count({ where: { hearingId } })).toBe(0);
  });

  it("commits a seed once; the audit row holds its hash and never the seed", async () => {
    const { seedHash: hash } = await commitSeed({ actor: asActor(secretariat), conferenceId, input: {} });
    const stored = await db.hearing.findUniqueOrThrow({ where: { id: hearingId }, select: { seed: true, seedHash: true } });
    expect(stored.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(seedHash(stored.seed ?? "")).toBe(hash);
    const audit = (await auditRowsFor(db, "Hearing", hearingId)).at(-1);
    expect(audit?.action).toBe("seed-committed");
    const everything = await db.auditEvent.findMany({ select: { before: true, after: true } });
    expect(JSON.stringify(everything)).not.toContain(stored.seed);
    expect(audit?.after).toEqual({ seedHash: hash });
    expect(await messageOf(() => commitSeed({ actor: asActor(secretariat), conferenceId, input: {} }))).toBe("adminHearing.seedExists");
  });

  it("draws the order from the seed and the sorted presenters, so anyone can verify it", async () => {
    const draw = await drawRunningOrder({ actor: asActor(secretariat), conferenceId, input: {} });
    const { seed, seedHash: hash } = await db.hearing.findUniqueOrThrow({ where: { id: hearingId }, select: { seed: true, seedHash: true } });
    expect(draw.eligibleIds).toEqual([...draw.eligibleIds].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
    expect(draw.algorithm).toBe("hustings-draw-v1");
    expect(
      verifyDraw({
        seed: seed ?? "",
        seedHash: hash ?? "",
        kind: "RUNNING_ORDER",
        hearingId,
        candidateId: null,
        eligibleIds: draw.eligibleIds,
        count: draw.count,
        result: draw.result,
      }),
    ).toBe(true);
    const slots = await db.hearingSlot.findMany({ where: { hearingId }, orderBy: { position: "asc" }, select: { candidateId: true, position: true } });
    expect(slots.map((s) => s.candidateId)).toEqual(draw.result);
    expect(slots.map((s) => s.position)).toEqual([1, 2, 3, 4]);
    const audit = (await auditRowsFor(db, "Hearing", hearingId)).at(-1);
    expect(audit?.action).toBe("running-order-drawn");
    expect(audit?.after).toMatchObject({ drawId: draw.id, result: draw.result });
  });

  it("refuses a second draw for the same presenters", async () => {
    expect(await messageOf(() => drawRunningOrder({ actor: asActor(secretariat), conferenceId, input: {} }))).toBe("adminHearing.alreadyDrawn");
    expect(await db.draw.count({ where: { hearingId } })).toBe(1);
  });

  it("draws again after the presenters changed, keeping the earlier draw", async () => {
    const withdrawn = (await db.hearingSlot.findFirstOrThrow({ where: { hearingId, position: 2 } })).candidateId;
    await db.candidate.update({ where: { id: withdrawn }, data: { status: "WITHDRAWN" } });
    expect(await refreshPresenters({ actor: asActor(secretariat), conferenceId, input: {} })).toEqual({ changed: true, presenters: 3 });
    expect(await db.hearingSlot.count({ where: { hearingId, position: { not: null } } })).toBe(0);
    const second = await drawRunningOrder({ actor: asActor(secretariat), conferenceId, input: {} });
    expect(second.result).toHaveLength(3);
    expect(second.result).not.toContain(withdrawn);
    expect(await db.draw.count({ where: { hearingId, kind: "RUNNING_ORDER" } })).toBe(2);
  });

  it("keeps audit rows immutable: the database refuses to update or delete one", async () => {
    const [row] = await auditRowsFor(db, "Hearing", hearingId);
    await expect(db.auditEvent.update({ where: { id: row?.id }, data: { action: "forged" } })).rejects.toThrow();
    await expect(db.auditEvent.delete({ where: { id: row?.id } })).rejects.toThrow();
  });

  it("refuses input that is not a form", async () => {
    expect(await messageOf(() => commitSeed({ actor: asActor(secretariat), conferenceId, input: "x" }))).toBe("INVALID_INPUT");
    expect(await messageOf(() => drawRunningOrder({ actor: asActor(secretariat), conferenceId, input: 42 }))).toBe("INVALID_INPUT");
  });

  it("lets only an active secretariat commit the seed or draw", async () => {
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => commitSeed({ actor, conferenceId, input: {} }));
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => drawRunningOrder({ actor, conferenceId, input: {} }));
  });
});

describe("the conference given (docs/decisions/012)", () => {
  it("commits and draws for the hearing of the conference given only; a conference without one is refused", async () => {
    const other = await makeHearingConference(db);
    expect(await messageOf(() => commitSeed({ actor: asActor(secretariat), conferenceId: other.id, input: {} }))).toBe("adminHearing.noHearing");
    expect(await messageOf(() => drawRunningOrder({ actor: asActor(secretariat), conferenceId: other.id, input: {} }))).toBe("adminHearing.noHearing");
    expect(await messageOf(() => commitSeed({ actor: asActor(secretariat), conferenceId: "no-such-conference", input: {} }))).toBe("NOT_FOUND");
  });

  it("refuses to commit a seed or draw for a closed conference, writing nothing", async () => {
    const closed = await makeHearingConference(db);
    for (let i = 0; i < 2; i++) await makeStandingCandidate(db, { conferenceId: closed.id, memberStateId: (await makeMemberState(db)).id });
    const theirs = await setUpHearing({ actor: asActor(secretariat), conferenceId: closed.id, input: hearingInput((await makeChair(db)).id) });
    await db.hearing.update({ where: { id: theirs.id }, data: { status: "ENDED" } });
    await db.conference.update({ where: { id: closed.id }, data: { closedAt: new Date() } });
    expect(await messageOf(() => commitSeed({ actor: asActor(secretariat), conferenceId: closed.id, input: {} }))).toBe("conferences.CONFERENCE_CLOSED");
    expect(await messageOf(() => drawRunningOrder({ actor: asActor(secretariat), conferenceId: closed.id, input: {} }))).toBe("conferences.CONFERENCE_CLOSED");
    expect(await db.hearing.findUniqueOrThrow({ where: { id: theirs.id }, select: { seedHash: true } })).toEqual({ seedHash: null });
    expect(await db.draw.count({ where: { hearingId: theirs.id } })).toBe(0);
  });
});
