import { beforeAll, describe, expect, it } from "vitest";
import { addCostItem } from "@/lib/costs/add-cost-item";
import { getCostsForAdmin } from "@/lib/costs/costs-admin";
import { removeCostItem } from "@/lib/costs/remove-cost-item";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors/domain-error";
import { setUpHearing } from "@/lib/hearings/set-up-hearing";
import { withAppDatabase } from "../support/app-database";
import { auditRowsFor } from "../support/audit";
import { asActor, makeConference, makeUser, type TestUser } from "../support/factories";
import { hearingInput, makeChair, makeHearingConference, makeMemberState, makeStandingCandidate } from "../support/factories-hearing";
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
    expect(await codeOf(() => addCostItem({ actor: asActor(secretariat), conferenceId, input: item({ amount: "12.345", currency: "Swiss" }) }))).toEqual({
      code: "INVALID_INPUT",
      messageKey: undefined,
      fieldErrors: { amount: "adminCosts.amountInvalid", currency: "adminCosts.currencyInvalid" },
    });
  });

  it("removes an item, keeping what it said in the audit log", async () => {
    const added = await addCostItem({ actor: asActor(secretariat), conferenceId, input: item({ category: "ROOM", amount: "50" }) });
    await removeCostItem({ actor: asActor(secretariat), conferenceId, input: { id: added.id } });
    expect(await db.costItem.findUnique({ where: { id: added.id } })).toBeNull();
    const [, removed] = await auditRowsFor(db, "CostItem", added.id);
    expect(removed?.action).toBe("removed");
    expect(removed?.before).toMatchObject({ category: "ROOM", amountMinor: "5000" });
    expect(await codeOf(() => removeCostItem({ actor: asActor(secretariat), conferenceId, input: { id: added.id } }))).toMatchObject({ code: "NOT_FOUND" });
    expect(await codeOf(() => removeCostItem({ actor: asActor(secretariat), conferenceId, input: { id: "" } }))).toMatchObject({ code: "INVALID_INPUT" });
  });

  it("reads and changes only the conference it is given", async () => {
    const other = await makeConference(db);
    const added = await addCostItem({ actor: asActor(secretariat), conferenceId, input: item({ amount: "7" }) });
    expect(await getCostsForAdmin(asActor(secretariat), other.id)).toBeNull();
    // An item of another conference's hearing is unknown here.
    expect(await codeOf(() => removeCostItem({ actor: asActor(secretariat), conferenceId: other.id, input: { id: added.id } }))).toMatchObject({
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
      expect(await codeOf(() => removeCostItem({ actor: asActor(secretariat), conferenceId, input: { id: added.id } }))).toMatchObject(closed);
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
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => removeCostItem({ actor, conferenceId, input: { id: added.id } }));
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => getCostsForAdmin(actor, conferenceId));
  });
});
