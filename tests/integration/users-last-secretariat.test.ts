import { beforeAll, describe, expect, it } from "vitest";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors/domain-error";
import { changeRole } from "@/lib/users/change-role";
import { disableUser } from "@/lib/users/disable-user";
import { enableUser } from "@/lib/users/enable-user";
import { withAppDatabase } from "../support/app-database";
import { asActor, makeUser } from "../support/factories";

// Its own database: these tests need to know every secretariat account there is.
const database = withAppDatabase();
let db: PrismaClient;

beforeAll(() => {
  db = createDb(database.url());
});

async function activeSecretariats() {
  return db.user.count({ where: { role: "SECRETARIAT", disabledAt: null } });
}

async function messageKeyOf(call: Promise<unknown>) {
  try {
    await call;
    return "ALLOWED";
  } catch (error) {
    if (isDomainError(error)) return error.messageKey ?? error.code;
    throw error;
  }
}

describe("the last active secretariat account", () => {
  it("cannot be disabled or lose its role; another one can, and the rule holds again after re-enabling", async () => {
    const a = await makeUser(db, "SECRETARIAT");
    const b = await makeUser(db, "SECRETARIAT");
    // A disabled secretariat account does not count as a way in.
    await makeUser(db, "SECRETARIAT", { disabled: true });
    await disableUser({ actor: asActor(a), input: { userId: b.id, confirmed: "yes" } });
    expect(await messageKeyOf(disableUser({ actor: asActor(a), input: { userId: a.id, confirmed: "yes" } }))).toBe("adminUsers.lastSecretariat");
    expect(await messageKeyOf(changeRole({ actor: asActor(a), input: { userId: a.id, role: "MEMBER" } }))).toBe("adminUsers.lastSecretariat");
    expect(await activeSecretariats()).toBe(1);
    await enableUser({ actor: asActor(a), input: { userId: b.id } });
    await changeRole({ actor: asActor(a), input: { userId: b.id, role: "CHAIR" } });
    expect(await messageKeyOf(disableUser({ actor: asActor(a), input: { userId: a.id, confirmed: "yes" } }))).toBe("adminUsers.lastSecretariat");
    // Clean up for the next test: leave no active secretariat behind but through the database.
    await db.user.updateMany({ where: { role: "SECRETARIAT" }, data: { disabledAt: new Date() } });
  });

  it("survives two disables at the same moment: exactly one is refused", async () => {
    for (let round = 0; round < 5; round++) {
      const a = await makeUser(db, "SECRETARIAT");
      const b = await makeUser(db, "SECRETARIAT");
      const outcomes = await Promise.all([
        messageKeyOf(disableUser({ actor: asActor(a), input: { userId: b.id, confirmed: "yes" } })),
        messageKeyOf(disableUser({ actor: asActor(b), input: { userId: a.id, confirmed: "yes" } })),
      ]);
      expect(outcomes.sort()).toEqual(["ALLOWED", "adminUsers.lastSecretariat"]);
      expect(await activeSecretariats()).toBe(1);
      await db.user.updateMany({ where: { role: "SECRETARIAT" }, data: { disabledAt: new Date() } });
    }
  });
});
