import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { addCostItem } from "@/lib/costs/add-cost-item";
import { getCostsForAdmin } from "@/lib/costs/costs-admin";
import { readPublicCostShares } from "@/lib/costs/public-shares";
import { removeCostItem } from "@/lib/costs/remove-cost-item";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors/domain-error";
import { setUpHearing } from "@/lib/hearings/set-up-hearing";
import { withAppDatabase } from "../support/app-database";
import { auditRowsFor } from "../support/audit";
import { MIGRATIONS_DIR } from "../support/database";
import { asActor, makeConference, makeUser, type TestUser } from "../support/factories";
import { hearingInput, makeChair, makeHearingConference, makeMemberState, makeStandingCandidate } from "../support/factories-hearing";
import { makeReadyHearing } from "../support/factories-live";
import { expectOnlyRoleAllowed } from "../support/roles";

const database = withAppDatabase();
let db: PrismaClient;
let secretariat: TestUser;
let conferenceId: string;

beforeAll(async () => {
  db = createDb(database.url());
  conferenceId = (await makeHearingConference(db)).id;
  secretariat = await makeUser(db, "SECRETARIAT");
});

async function codeOf(call: () => Promise<unknown>) {
  try {
    await call();
  } catch (error) {
    if (isDomainError(error)) return { code: error.code, messageKey: error.messageKey, fieldErrors: error.fieldErrors };
    throw error;
  }
  return "ALLOWED";
}

const item = (overrides: Record<string, string> = {}) => ({
  category: "INTERPRETATION",
  description: "Six-language interpretation",
  amount: "1000.00",
  currency: "CHF",
  ...overrides,
});

describe("hearing costs", () => {
  it("refuses an item before the hearing exists", async () => {
    expect(await codeOf(() => addCostItem({ actor: asActor(secretariat), conferenceId, input: item() }))).toMatchObject({ messageKey: "adminCosts.noHearing" });
  });

  it("adds an item in cents with its audit row, and shares it among the presenting states", async () => {
    const states = [await makeMemberState(db), await makeMemberState(db), await makeMemberState(db)];
    for (const s of states) await makeStandingCandidate(db, { conferenceId, memberStateId: s.id });
    await setUpHearing({ actor: asActor(secretariat), conferenceId, input: hearingInput((await makeChair(db)).id) });
    // A state whose only candidate then withdrew owes nothing (¶6: states presenting candidates).
    const quitter = states[2];
    await db.candidate.updateMany({ where: { memberStateId: quitter?.id }, data: { status: "WITHDRAWN" } });

    const added = await addCostItem({ actor: asActor(secretariat), conferenceId, input: item({ amount: "1000.01" }) });
    expect(added.amountMinor).toBe(100_001n);
    const audit = await auditRowsFor(db, "CostItem", added.id);
    expect(audit.map((a) => [a.area, a.action, a.actorId])).toEqual([["cost", "created", secretariat.id]]);
    expect(audit[0]?.after).toMatchObject({ amountMinor: "100001", currency: "CHF" });

    const costs = await getCostsForAdmin(asActor(secretariat), conferenceId);
    // Not started: a projection over the current presenters, said to be one.
    expect(costs?.basis).toBe("PROJECTION");
    expect(costs?.editable).toBe(true);
    const [chf] = costs?.shares ?? [];
    const paying = states
      .slice(0, 2)
      .map((s) => s.iso3)
      .sort();
    expect(chf?.shares.map((s) => s.iso3)).toEqual(paying);
    // 100001 cents between two: the first by ISO alpha-3 takes the odd cent.
    expect(chf?.shares.map((s) => s.amountMinor)).toEqual([50_001n, 50_000n]);
  });

  it("refuses invalid amounts and currencies with each field's message", async () => {
    expect(await codeOf(() => addCostItem({ actor: asActor(secretariat), conferenceId, input: item({ amount: "12.34567", currency: "Swiss" }) }))).toEqual({
      code: "INVALID_INPUT",
      messageKey: undefined,
      fieldErrors: { amount: "adminCosts.amountInvalid", currency: "adminCosts.currencyInvalid" },
    });
  });

  it("refuses a code ISO 4217 does not define, such as XYZ, and one without minor units", async () => {
    for (const currency of ["XYZ", "xyz", "XAU", "XXX"]) {
      expect(await codeOf(() => addCostItem({ actor: asActor(secretariat), conferenceId, input: item({ currency }) }))).toEqual({
        code: "INVALID_INPUT",
        messageKey: undefined,
        fieldErrors: { currency: "adminCosts.currencyInvalid" },
      });
    }
  });

  it("reads amounts in the currency's minor units: none for JPY, three for BHD and KWD", async () => {
    const add = (amount: string, currency: string) => addCostItem({ actor: asActor(secretariat), conferenceId, input: item({ amount, currency }) });
    expect((await add("12500", "JPY")).amountMinor).toBe(12_500n);
    expect((await add("1.255", "BHD")).amountMinor).toBe(1_255n);
    expect((await add("7.5", "KWD")).amountMinor).toBe(7_500n);
    expect((await add("0.05", "CHF")).amountMinor).toBe(5n);
    expect(await codeOf(() => add("12500.5", "JPY"))).toMatchObject({ fieldErrors: { amount: "adminCosts.amountDecimals:0" } });
    expect(await codeOf(() => add("1.2555", "BHD"))).toMatchObject({ fieldErrors: { amount: "adminCosts.amountDecimals:3" } });
    expect(await codeOf(() => add("10.001", "CHF"))).toMatchObject({ fieldErrors: { amount: "adminCosts.amountDecimals:2" } });
    const costs = await getCostsForAdmin(asActor(secretariat), conferenceId);
    expect(costs?.shares.find((c) => c.currency === "JPY")?.shares.map((s) => s.amountMinor)).toEqual([6_250n, 6_250n]);
    expect(costs?.shares.find((c) => c.currency === "BHD")?.shares.map((s) => s.amountMinor)).toEqual([628n, 627n]);
  });

  it("removes an item, keeping what it said in the audit log", async () => {
    const added = await addCostItem({ actor: asActor(secretariat), conferenceId, input: item({ category: "ROOM", amount: "50" }) });
    await removeCostItem({ actor: asActor(secretariat), conferenceId, input: { id: added.id, confirmed: "yes" } });
    expect(await db.costItem.findUnique({ where: { id: added.id } })).toBeNull();
    const [, removed] = await auditRowsFor(db, "CostItem", added.id);
    expect(removed?.action).toBe("removed");
    expect(removed?.before).toMatchObject({ category: "ROOM", amountMinor: "5000" });
    expect(await codeOf(() => removeCostItem({ actor: asActor(secretariat), conferenceId, input: { id: added.id, confirmed: "yes" } }))).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await codeOf(() => removeCostItem({ actor: asActor(secretariat), conferenceId, input: { id: "", confirmed: "yes" } }))).toMatchObject({
      code: "INVALID_INPUT",
    });
  });

  it("reads and changes only the conference it is given", async () => {
    const other = await makeConference(db);
    const added = await addCostItem({ actor: asActor(secretariat), conferenceId, input: item({ amount: "7" }) });
    expect(await getCostsForAdmin(asActor(secretariat), other.id)).toBeNull();
    // An item of another conference's hearing is unknown here.
    expect(
      await codeOf(() => removeCostItem({ actor: asActor(secretariat), conferenceId: other.id, input: { id: added.id, confirmed: "yes" } })),
    ).toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await db.costItem.findUnique({ where: { id: added.id } })).not.toBeNull();
  });

  it("refuses to add or remove an item once the conference is closed, and keeps every item", async () => {
    const added = await addCostItem({ actor: asActor(secretariat), conferenceId, input: item({ amount: "3" }) });
    await db.conference.update({ where: { id: conferenceId }, data: { closedAt: new Date() } });
    try {
      const before = await db.costItem.findMany({ orderBy: { id: "asc" } });
      const closed = { code: "CONFLICT", messageKey: "conferences.CONFERENCE_CLOSED" };
      expect(await codeOf(() => addCostItem({ actor: asActor(secretariat), conferenceId, input: item() }))).toMatchObject(closed);
      expect(await codeOf(() => removeCostItem({ actor: asActor(secretariat), conferenceId, input: { id: added.id, confirmed: "yes" } }))).toMatchObject(
        closed,
      );
      expect(await db.costItem.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    } finally {
      await db.conference.update({ where: { id: conferenceId }, data: { closedAt: null } });
    }
  });

  it("keeps audit rows immutable", async () => {
    const row = await db.auditEvent.findFirstOrThrow({ where: { area: "cost" } });
    await expect(db.auditEvent.update({ where: { id: row.id }, data: { after: {} } })).rejects.toThrow();
    await expect(db.auditEvent.deleteMany({ where: { id: row.id } })).rejects.toThrow();
  });

  it("lets only an active secretariat add, remove or read costs", async () => {
    const added = await addCostItem({ actor: asActor(secretariat), conferenceId, input: item() });
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => addCostItem({ actor, conferenceId, input: item() }));
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => removeCostItem({ actor, conferenceId, input: { id: added.id, confirmed: "yes" } }));
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => getCostsForAdmin(actor, conferenceId));
  });
});

/** A hearing that has started as the start writes it (lib/hearings/live.ts): the states on the running order are its snapshot. */
async function startedHearing(candidates: number) {
  const conference = await makeHearingConference(db);
  const ready = await makeReadyHearing(db, { conferenceId: conference.id, candidates });
  const costStateIds = [...new Set(ready.candidates.map((c) => c.memberStateId))].sort();
  await db.hearing.update({ where: { id: ready.hearingId }, data: { status: "LIVE", startedAt: new Date(), costStateIds } });
  return { ...ready, conferenceId: conference.id };
}

const sharesOf = async (id: string) =>
  (await getCostsForAdmin(asActor(secretariat), id))?.shares.map((c) => ({ currency: c.currency, shares: c.shares.map((s) => [s.iso3, s.amountMinor]) }));

describe("shares over the states on the running order at the start", () => {
  it("stay as they were after a withdrawal, and never charge a state whose candidate did not present", async () => {
    const { conferenceId: id, hearingId, candidates } = await startedHearing(3);
    await addCostItem({ actor: asActor(secretariat), conferenceId: id, input: item({ amount: "1000.00" }) });
    const atStart = await sharesOf(id);
    expect(atStart?.[0]?.shares.map(([, amount]) => amount)).toEqual([33_334n, 33_333n, 33_333n]);
    expect((await getCostsForAdmin(asActor(secretariat), id))?.basis).toBe("SNAPSHOT");

    // After the start: a candidate withdraws, and another state's candidate appears among the
    // presenters (as a change of the presenters would put it there) without having presented.
    await db.candidate.update({ where: { id: candidates[2]?.id }, data: { status: "WITHDRAWN" } });
    const newcomer = await makeStandingCandidate(db, { conferenceId: id, memberStateId: (await makeMemberState(db)).id });
    await db.hearingSlot.create({ data: { hearingId, candidateId: newcomer.id, position: null } });
    expect(await sharesOf(id)).toEqual(atStart);

    // The same after the end, in the console and on the public page.
    await db.hearing.update({ where: { id: hearingId }, data: { status: "ENDED" } });
    expect(await sharesOf(id)).toEqual(atStart);
    const published = await readPublicCostShares(hearingId);
    expect(published?.currencies.map((c) => ({ currency: c.currency, shares: c.shares.map((s) => [s.iso3, BigInt(s.amountMinor)]) }))).toEqual(atStart);
    expect(published?.currencies[0]?.shares.map((s) => s.memberStateId).sort()).toEqual(candidates.map((c) => c.memberStateId).sort());
    expect(published?.currencies[0]?.totalMinor).toBe("100000");
  });

  it("leave out a state whose candidate was not on the running order at the start", async () => {
    const { conferenceId: id, hearingId, candidates } = await startedHearing(2);
    // The snapshot names one state only (the other's slot had no position at the start).
    await db.hearing.update({ where: { id: hearingId }, data: { costStateIds: [candidates[0]?.memberStateId ?? ""] } });
    await addCostItem({ actor: asActor(secretariat), conferenceId: id, input: item({ amount: "12500", currency: "JPY" }) });
    const [jpy] = (await getCostsForAdmin(asActor(secretariat), id))?.shares ?? [];
    expect(jpy?.shares.map((s) => [s.memberStateId, s.amountMinor])).toEqual([[candidates[0]?.memberStateId, 12_500n]]);
  });

  it("are public only once the hearing has ended", async () => {
    const conference = await makeHearingConference(db);
    const { hearingId } = await makeReadyHearing(db, { conferenceId: conference.id, candidates: 2 });
    await addCostItem({ actor: asActor(secretariat), conferenceId: conference.id, input: item({ amount: "1.250", currency: "BHD" }) });
    // Set up and committed: not even a projection.
    expect(await readPublicCostShares(hearingId)).toBeNull();
    const { candidates } = await db.hearing
      .findUniqueOrThrow({ where: { id: hearingId }, select: { slots: { select: { candidate: { select: { memberStateId: true } } } } } })
      .then((h) => ({ candidates: h.slots.map((s) => s.candidate) }));
    await db.hearing.update({
      where: { id: hearingId },
      data: { status: "LIVE", startedAt: new Date(), costStateIds: candidates.map((c) => c.memberStateId) },
    });
    expect(await readPublicCostShares(hearingId)).toBeNull();
    await db.hearing.update({ where: { id: hearingId }, data: { status: "ENDED" } });
    const [bhd] = (await readPublicCostShares(hearingId))?.currencies ?? [];
    expect(bhd).toMatchObject({ currency: "BHD", totalMinor: "1250" });
    expect(bhd?.shares.map((s) => s.amountMinor)).toEqual(["625", "625"]);
    // Revealed, then closed: still public.
    await db.hearing.update({ where: { id: hearingId }, data: { seedRevealedAt: new Date(), closedAt: new Date() } });
    expect((await readPublicCostShares(hearingId))?.currencies).toHaveLength(1);
    expect(await readPublicCostShares("no-such-hearing")).toBeNull();
    expect(await readPublicCostShares("not an id!")).toBeNull();
  });
});

describe("a closed record", () => {
  it("refuses to add or remove a cost, keeps every item, and says so to the console", async () => {
    const { conferenceId: id, hearingId } = await startedHearing(2);
    const kept = await addCostItem({ actor: asActor(secretariat), conferenceId: id, input: item({ amount: "40" }) });
    await db.hearing.update({ where: { id: hearingId }, data: { status: "ENDED", seedRevealedAt: new Date() } });
    // Revealed but not closed: costs still change.
    const late = await addCostItem({ actor: asActor(secretariat), conferenceId: id, input: item({ amount: "2" }) });
    await removeCostItem({ actor: asActor(secretariat), conferenceId: id, input: { id: late.id, confirmed: "yes" } });
    await db.hearing.update({ where: { id: hearingId }, data: { closedAt: new Date() } });

    const before = await db.costItem.findMany({ where: { hearingId }, orderBy: { id: "asc" } });
    const closed = { code: "CONFLICT", messageKey: "adminCosts.recordClosed" };
    expect(await codeOf(() => addCostItem({ actor: asActor(secretariat), conferenceId: id, input: item() }))).toMatchObject(closed);
    expect(await codeOf(() => removeCostItem({ actor: asActor(secretariat), conferenceId: id, input: { id: kept.id, confirmed: "yes" } }))).toMatchObject(
      closed,
    );
    expect(await db.costItem.findMany({ where: { hearingId }, orderBy: { id: "asc" } })).toEqual(before);
    expect(await auditRowsFor(db, "CostItem", kept.id)).toHaveLength(1);
    expect((await getCostsForAdmin(asActor(secretariat), id))?.editable).toBe(false);
    // The refusal comes after the role check: other roles are still refused as such.
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) =>
      addCostItem({ actor, conferenceId: id, input: item() }).catch((e: unknown) => {
        if (isDomainError(e) && e.messageKey === "adminCosts.recordClosed") return "closed";
        throw e;
      }),
    );
  });
});

describe("the migration to ISO 4217 minor units", () => {
  it("rescales amounts stored in hundredths in currencies whose minor units are not two, and leaves the others", async () => {
    const folder = readFileSync(path.join(MIGRATIONS_DIR, "20261202115213_cost_minor_units", "migration.sql"), "utf8");
    const { hearingId } = await startedHearing(1);
    const rows = { JPY: 1_250_050n, KRW: 40n, BHD: 125n, CLF: 3n, CHF: 100n, XYZ: 100n } as const;
    const ids = new Map<string, string>();
    for (const [currency, amountMinor] of Object.entries(rows)) {
      const row = await db.costItem.create({ data: { hearingId, category: "OTHER", description: "legacy", currency, amountMinor }, select: { id: true } });
      ids.set(currency, row.id);
    }
    const rollback = new Error("rollback");
    await expect(
      db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(folder);
        const after = await tx.costItem.findMany({ where: { hearingId }, select: { id: true, amountMinor: true } });
        const amount = (currency: string) => after.find((r) => r.id === ids.get(currency))?.amountMinor;
        // 12500.50 JPY → 12501 (to the nearest yen); 0.40 KRW → 1, never nothing; 1.25 BHD → 1.250; 0.03 CLF → 0.0300.
        expect([amount("JPY"), amount("KRW"), amount("BHD"), amount("CLF"), amount("CHF"), amount("XYZ")]).toEqual([12_501n, 1n, 1_250n, 300n, 100n, 100n]);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
  });
});
