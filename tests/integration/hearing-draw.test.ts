import { beforeAll, describe, expect, it } from "vitest";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { unsealSeed } from "@/lib/draw/seal";
import { seedHash, verifyDraw } from "@/lib/draw/verifiable-draw";
import { isDomainError } from "@/lib/errors/domain-error";
import { commitSeed } from "@/lib/hearings/commit-seed";
import { drawRunningOrder } from "@/lib/hearings/draw-running-order";
import { refreshPresenters } from "@/lib/hearings/refresh-presenters";
import { reopenSetUp } from "@/lib/hearings/reopen-set-up";
import { setUpHearing } from "@/lib/hearings/set-up-hearing";
import { withAppDatabase } from "../support/app-database";
import { auditRowsFor } from "../support/audit";
import { asActor, makeUser, type TestUser } from "../support/factories";
import { hearingInput, makeChair, makeHearingConference, makeMemberState, makeStandingCandidate } from "../support/factories-hearing";
import { DICE } from "../support/hearing-stages";
import { expectOnlyRoleAllowed } from "../support/roles";

// In order on this file's own database: commit (sealed), draw with the dice, refuse a second
// draw, re-open publicly after a withdrawal, commit and draw again
// (docs/decisions/014-hearing-record-integrity.md).
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

const draw = (input: object = { entropy: DICE }) => drawRunningOrder({ actor: asActor(secretariat), conferenceId, input });

/** Every text column of the database's hearing rows and audit log, as one string. */
async function everythingStored() {
  const [hearings, audit] = await Promise.all([db.hearing.findMany(), db.auditEvent.findMany({ select: { before: true, after: true } })]);
  return JSON.stringify({ hearings, audit });
}

describe("the running order drawn by lot", () => {
  it("refuses to draw before a seed hash is published", async () => {
    expect(await messageOf(() => draw())).toBe("adminHearing.seedNotCommitted");
    expect(await db.draw.count({ where: { hearingId } })).toBe(0);
  });

  it("commits a seed once, sealed: the database never holds it in clear, the audit row holds its hash and time", async () => {
    const { seedHash: hash, seedCommittedAt } = await commitSeed({ actor: asActor(secretariat), conferenceId, input: { confirmed: "yes" } });
    const stored = await db.hearing.findUniqueOrThrow({
      where: { id: hearingId },
      select: { seed: true, sealedSeed: true, seedHash: true, seedCommittedAt: true },
    });
    expect(stored.seed).toBeNull();
    expect(stored.sealedSeed).toMatch(/^v2:[A-Za-z0-9_-]+$/);
    expect(stored.seedCommittedAt).toEqual(seedCommittedAt);
    const seed = unsealSeed(stored.sealedSeed ?? "");
    expect(seedHash(seed)).toBe(hash);
    // Read straight from the row, as a database reader would: no trace of the seed, in hex or base64.
    const [row] = await db.$queryRaw<{ text: string }[]>`SELECT row_to_json(h)::text AS text FROM "Hearing" h WHERE id = ${hearingId}`;
    expect(row?.text).not.toContain(seed);
    expect(row?.text).not.toContain(Buffer.from(seed, "hex").toString("base64"));
    expect(await everythingStored()).not.toContain(seed);
    const audit = (await auditRowsFor(db, "Hearing", hearingId)).at(-1);
    expect(audit?.action).toBe("seed-committed");
    expect(audit?.after).toEqual({ seedHash: hash, seedCommittedAt: seedCommittedAt.toISOString() });
    expect(await messageOf(() => commitSeed({ actor: asActor(secretariat), conferenceId, input: { confirmed: "yes" } }))).toBe("adminHearing.seedExists");
  });

  it("refuses a draw without dice digits, or with anything but 4 to 64 digits, with the field's message", async () => {
    for (const entropy of [undefined, "", "123", "12a4", "１２３４", "1".repeat(65)]) {
      const refused = await draw({ entropy }).catch((error: unknown) => error);
      expect(refused).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { entropy: "adminHearing.entropyInvalid" } });
    }
    expect(await db.draw.count({ where: { hearingId } })).toBe(0);
  });

  it("draws the order from the seed, the dice and the sorted presenters, so anyone can verify it", async () => {
    const made = await draw({ entropy: " 3 1 4 1 5 9 " });
    const { sealedSeed, seedHash: hash, seedCommittedAt } = await db.hearing.findUniqueOrThrow({ where: { id: hearingId } });
    expect(made).toMatchObject({ algorithm: "hustings-draw-v2", entropy: "314159", seedHash: hash });
    expect(made.createdAt.getTime()).toBeGreaterThanOrEqual(seedCommittedAt?.getTime() ?? Infinity);
    expect(made.eligibleIds).toEqual([...made.eligibleIds].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
    expect(
      verifyDraw({
        seed: unsealSeed(sealedSeed ?? ""),
        seedHash: hash ?? "",
        kind: "RUNNING_ORDER",
        hearingId,
        candidateId: null,
        entropy: "314159",
        eligibleIds: made.eligibleIds,
        count: made.count,
        result: made.result,
      }),
    ).toBe(true);
    const slots = await db.hearingSlot.findMany({ where: { hearingId }, orderBy: { position: "asc" }, select: { candidateId: true, position: true } });
    expect(slots.map((s) => s.candidateId)).toEqual(made.result);
    expect(slots.map((s) => s.position)).toEqual([1, 2, 3, 4]);
    const audit = (await auditRowsFor(db, "Hearing", hearingId)).at(-1);
    expect(audit?.action).toBe("running-order-drawn");
    expect(audit?.after).toMatchObject({ drawId: made.id, result: made.result, entropy: "314159", seedHash: hash });
  });

  it("draws once per commitment: a second draw is refused, whatever the dice", async () => {
    expect(await messageOf(() => draw({ entropy: "999999" }))).toBe("adminHearing.alreadyDrawn");
    expect(await db.draw.count({ where: { hearingId } })).toBe(1);
  });

  it("freezes the presenters under the commitment: an update is refused until a re-opening", async () => {
    const withdrawn = (await db.hearingSlot.findFirstOrThrow({ where: { hearingId, position: 2 } })).candidateId;
    await db.candidate.update({ where: { id: withdrawn }, data: { status: "WITHDRAWN" } });
    expect(await messageOf(() => refreshPresenters({ actor: asActor(secretariat), conferenceId, input: {} }))).toBe("adminHearing.reopenFirst");
    expect(await db.hearingSlot.count({ where: { hearingId } })).toBe(4);
  });

  it("re-opens only with a reason of 10 to 500 characters", async () => {
    const before = await db.hearing.findUniqueOrThrow({ where: { id: hearingId } });
    for (const reason of [undefined, "", "too short", "x".repeat(501)]) {
      const refused = await reopenSetUp({ actor: asActor(secretariat), conferenceId, input: { reason } }).catch((error: unknown) => error);
      expect(refused).toMatchObject({ code: "INVALID_INPUT" });
    }
    expect(await reopenSetUp({ actor: asActor(secretariat), conferenceId, input: { reason: "too short" } }).catch((e: unknown) => e)).toMatchObject({
      fieldErrors: { reason: "adminHearing.reopenReasonTooShort:10" },
    });
    expect(await db.hearing.findUniqueOrThrow({ where: { id: hearingId } })).toEqual(before);
    expect(await db.voidedCommitment.count({ where: { hearingId } })).toBe(0);
  });

  it("re-opens publicly: the commitment is voided with its seed revealed, the order cleared, the reason logged", async () => {
    const before = await db.hearing.findUniqueOrThrow({ where: { id: hearingId } });
    const seed = unsealSeed(before.sealedSeed ?? "");
    const reason = "A candidate withdrew after the running order was drawn.";
    const reopened = await reopenSetUp({ actor: asActor(secretariat), conferenceId, input: { reason } });
    expect(reopened.voidedSeedHash).toBe(before.seedHash);

    const voided = await db.voidedCommitment.findMany({ where: { hearingId } });
    expect(voided).toEqual([
      expect.objectContaining({ seedHash: before.seedHash, seed, committedAt: before.seedCommittedAt, voidedById: secretariat.id, reason }),
    ]);
    // The voided seed is public: anyone can re-run the draw made under it.
    expect(seedHash(voided[0]?.seed ?? "")).toBe(before.seedHash);
    const after = await db.hearing.findUniqueOrThrow({ where: { id: hearingId } });
    expect(after).toMatchObject({ seedHash: null, sealedSeed: null, seedCommittedAt: null, seed: null });
    expect(await db.hearingSlot.count({ where: { hearingId, position: { not: null } } })).toBe(0);
    // The draw made under the voided commitment stays on the record, naming it.
    expect(await db.draw.findMany({ where: { hearingId }, select: { seedHash: true } })).toEqual([{ seedHash: before.seedHash }]);

    const audit = (await auditRowsFor(db, "Hearing", hearingId)).at(-1);
    expect(audit).toMatchObject({ action: "set-up-reopened", actorId: secretariat.id });
    expect(audit?.after).toMatchObject({ voidedSeedHash: before.seedHash, reason, seedHash: null });
    expect(JSON.stringify([audit?.before, audit?.after])).not.toContain(seed);
    expect(await messageOf(() => reopenSetUp({ actor: asActor(secretariat), conferenceId, input: { reason } }))).toBe("adminHearing.nothingToReopen");
  });

  it("then updates the presenters, commits a new seed and draws again under it", async () => {
    expect(await refreshPresenters({ actor: asActor(secretariat), conferenceId, input: {} })).toEqual({ changed: true, presenters: 3 });
    expect(await messageOf(() => draw())).toBe("adminHearing.seedNotCommitted");
    const { seedHash: second } = await commitSeed({ actor: asActor(secretariat), conferenceId, input: { confirmed: "yes" } });
    const redrawn = await draw({ entropy: "271828" });
    expect(redrawn.result).toHaveLength(3);
    expect(redrawn.seedHash).toBe(second);
    expect(await db.draw.count({ where: { hearingId, kind: "RUNNING_ORDER" } })).toBe(2);
  });

  it("refuses to commit while the presenters are out of date, or with none", async () => {
    const other = await makeHearingConference(db);
    const theirs = await setUpHearing({ actor: asActor(secretariat), conferenceId: other.id, input: hearingInput((await makeChair(db)).id) });
    expect(await messageOf(() => commitSeed({ actor: asActor(secretariat), conferenceId: other.id, input: { confirmed: "yes" } }))).toBe(
      "adminHearing.noPresenters",
    );
    await makeStandingCandidate(db, { conferenceId: other.id, memberStateId: (await makeMemberState(db)).id });
    await refreshPresenters({ actor: asActor(secretariat), conferenceId: other.id, input: {} });
    await makeStandingCandidate(db, { conferenceId: other.id, memberStateId: (await makeMemberState(db)).id });
    expect(await messageOf(() => commitSeed({ actor: asActor(secretariat), conferenceId: other.id, input: { confirmed: "yes" } }))).toBe(
      "adminHearing.refreshBeforeCommit",
    );
    expect(await db.hearing.findUniqueOrThrow({ where: { id: theirs.id }, select: { seedHash: true } })).toEqual({ seedHash: null });
  });

  it("keeps audit rows immutable: the database refuses to update or delete one", async () => {
    const [row] = await auditRowsFor(db, "Hearing", hearingId);
    await expect(db.auditEvent.update({ where: { id: row?.id }, data: { action: "forged" } })).rejects.toThrow();
    await expect(db.auditEvent.delete({ where: { id: row?.id } })).rejects.toThrow();
  });

  it("refuses input that is not a form", async () => {
    expect(await messageOf(() => commitSeed({ actor: asActor(secretariat), conferenceId, input: "x" }))).toBe("INVALID_INPUT");
    expect(await messageOf(() => drawRunningOrder({ actor: asActor(secretariat), conferenceId, input: 42 }))).toBe("INVALID_INPUT");
    expect(await messageOf(() => reopenSetUp({ actor: asActor(secretariat), conferenceId, input: null }))).toBe("INVALID_INPUT");
  });

  it("lets only an active secretariat commit the seed, draw or re-open", async () => {
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => commitSeed({ actor, conferenceId, input: { confirmed: "yes" } }));
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => drawRunningOrder({ actor, conferenceId, input: { entropy: DICE } }));
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => reopenSetUp({ actor, conferenceId, input: { reason: "A reason that is long enough." } }));
  });
});

describe("the conference given (docs/decisions/012)", () => {
  it("commits and draws for the hearing of the conference given only; a conference without one is refused", async () => {
    const other = await makeHearingConference(db);
    expect(await messageOf(() => commitSeed({ actor: asActor(secretariat), conferenceId: other.id, input: { confirmed: "yes" } }))).toBe(
      "adminHearing.noHearing",
    );
    expect(await messageOf(() => drawRunningOrder({ actor: asActor(secretariat), conferenceId: other.id, input: { entropy: DICE } }))).toBe(
      "adminHearing.noHearing",
    );
    expect(await messageOf(() => commitSeed({ actor: asActor(secretariat), conferenceId: "no-such-conference", input: { confirmed: "yes" } }))).toBe(
      "NOT_FOUND",
    );
  });

  it("refuses to commit a seed or draw for a closed conference, writing nothing", async () => {
    const closed = await makeHearingConference(db);
    for (let i = 0; i < 2; i++) await makeStandingCandidate(db, { conferenceId: closed.id, memberStateId: (await makeMemberState(db)).id });
    const theirs = await setUpHearing({ actor: asActor(secretariat), conferenceId: closed.id, input: hearingInput((await makeChair(db)).id) });
    await db.hearing.update({ where: { id: theirs.id }, data: { status: "ENDED" } });
    await db.conference.update({ where: { id: closed.id }, data: { closedAt: new Date() } });
    expect(await messageOf(() => commitSeed({ actor: asActor(secretariat), conferenceId: closed.id, input: { confirmed: "yes" } }))).toBe(
      "conferences.CONFERENCE_CLOSED",
    );
    expect(await messageOf(() => drawRunningOrder({ actor: asActor(secretariat), conferenceId: closed.id, input: { entropy: DICE } }))).toBe(
      "conferences.CONFERENCE_CLOSED",
    );
    expect(await db.hearing.findUniqueOrThrow({ where: { id: theirs.id }, select: { seedHash: true } })).toEqual({ seedHash: null });
    expect(await db.draw.count({ where: { hearingId: theirs.id } })).toBe(0);
  });
});
