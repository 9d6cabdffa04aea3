import { beforeAll, describe, expect, it } from "vitest";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { auditFiltersSchema } from "@/lib/audit/filters";
import { auditTimeZone, listAuditActors, listAuditEvents } from "@/lib/audit/queries";
import { disableUser } from "@/lib/users/disable-user";
import type { Actor } from "@/lib/auth/permissions";
import { withAppDatabase } from "../support/app-database";
import { makeConference, makeUser, unique } from "../support/factories";
import { makeSecretariat } from "../support/factories-users";
import { expectOnlyRoleAllowed } from "../support/roles";

const database = withAppDatabase();
let db: PrismaClient;
let actor: Actor;
let other: Actor;
const entityId = unique("entity");

beforeAll(async () => {
  db = createDb(database.url());
  ({ actor } = await makeSecretariat(db));
  ({ actor: other } = await makeSecretariat(db));
  // Around midnight in Dubai (UTC+4) on 29–30 Oct 2018.
  const rows = [
    { at: "2018-10-28T19:59:00Z", actorId: actor.id, area: "post" },
    { at: "2018-10-28T20:00:00Z", actorId: actor.id, area: "post" },
    { at: "2018-10-29T19:59:00Z", actorId: other.id, area: "candidate" },
    { at: "2018-10-29T20:00:00Z", actorId: actor.id, area: "cost" },
  ];
  for (const r of rows) {
    await db.auditEvent.create({
      data: { at: new Date(r.at), actorId: r.actorId, actorRole: "SECRETARIAT", area: r.area, action: "updated", entity: "Test", entityId },
    });
  }
});

const filters = (input: Record<string, string>) => auditFiltersSchema.parse(input);
const times = (events: { at: Date }[]) => events.map((e) => e.at.toISOString());

describe("the audit log's queries", () => {
  it("filter by whole days in the conference's zone, newest first", async () => {
    const { events } = await listAuditEvents(actor, filters({ from: "2018-10-29", to: "2018-10-29" }), "Asia/Dubai");
    expect(times(events)).toEqual(["2018-10-29T19:59:00.000Z", "2018-10-28T20:00:00.000Z"]);
  });

  it("filter by actor and by area", async () => {
    expect(times((await listAuditEvents(actor, filters({ actor: other.id }), "Asia/Dubai")).events)).toEqual(["2018-10-29T19:59:00.000Z"]);
    const posts = (await listAuditEvents(actor, filters({ area: "post", to: "2018-10-29" }), "Asia/Dubai")).events;
    expect(times(posts)).toEqual(["2018-10-28T20:00:00.000Z", "2018-10-28T19:59:00.000Z"]);
    expect(posts[0]?.actor?.name).toEqual(expect.any(String));
  });

  it("page with a cursor that new events do not shift", async () => {
    const first = await listAuditEvents(actor, filters({ to: "2018-10-30" }), "Asia/Dubai", 3);
    expect(first.events).toHaveLength(3);
    expect(first.nextCursor).toBe(first.events[2]?.id);
    await db.auditEvent.create({ data: { actorId: actor.id, area: "post", action: "updated", entity: "Test", entityId } });
    const second = await listAuditEvents(actor, filters({ to: "2018-10-30", cursor: first.nextCursor ?? "" }), "Asia/Dubai", 3);
    expect(times(second.events)).toEqual(["2018-10-28T19:59:00.000Z"]);
    expect(second.nextCursor).toBeNull();
  });

  it("list who has written to the log", async () => {
    const actors = await listAuditActors(actor);
    expect(actors.map((a) => a.id).sort()).toEqual([actor.id, other.id].sort());
  });

  it("are for the secretariat only", async () => {
    await expectOnlyRoleAllowed("SECRETARIAT", (a) => listAuditEvents(a, {}, "UTC"));
    await expectOnlyRoleAllowed("SECRETARIAT", (a) => listAuditActors(a));
  });
});

describe("the audit table", () => {
  it("keeps the row a change wrote, and refuses to update or delete it", async () => {
    const member = await makeUser(db, "MEMBER");
    await disableUser({ actor, input: { userId: member.id, confirmed: "yes" } });
    const row = await db.auditEvent.findFirstOrThrow({ where: { entity: "User", entityId: member.id } });
    expect(row).toMatchObject({ actorId: actor.id, area: "user", action: "disabled" });
    await expect(db.auditEvent.update({ where: { id: row.id }, data: { action: "nothing happened" } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.delete({ where: { id: row.id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "after" = NULL`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    expect(await db.auditEvent.findUniqueOrThrow({ where: { id: row.id } })).toEqual(row);
  });
});

describe("the zone the log's days are read in", () => {
  it("is the current conference's, or UTC when none is current (the log spans conferences)", async () => {
    await db.conference.updateMany({ where: { isCurrent: true }, data: { isCurrent: false } });
    expect(await auditTimeZone(actor)).toBe("UTC");
    const conference = await makeConference(db, { timeZone: "Asia/Dubai" });
    await db.conference.update({ where: { id: conference.id }, data: { isCurrent: true } });
    expect(await auditTimeZone(actor)).toBe("Asia/Dubai");
    await expectOnlyRoleAllowed("SECRETARIAT", (a) => auditTimeZone(a));
  });
});
