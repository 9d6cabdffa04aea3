import { verifyDraw } from "../../lib/draw/verifiable-draw";
import { makeUser } from "../support/factories";
import { expectAccessible, expect, signInAs, test } from "./support/fixtures";

// This spec changes the demo PP-18 hearing (its seed, draws and running order): serial, and
// it starts by putting the hearing back to "no seed, nothing drawn" so that it can be re-run.
test.describe.configure({ mode: "serial" });

test("the secretariat sets up the hearing; a staff or partial chair is refused with ¶8 named", async ({ page, db }) => {
  const hearing = await db.hearing.findFirstOrThrow({ where: { conference: { slug: "pp-18" } }, select: { id: true, chairId: true } });
  await db.draw.deleteMany({ where: { hearingId: hearing.id } });
  await db.hearingSlot.updateMany({ where: { hearingId: hearing.id }, data: { position: null } });
  await db.hearing.update({ where: { id: hearing.id }, data: { seed: null, seedHash: null } });

  const staffChair = await makeUser(db, "CHAIR");
  await db.user.update({ where: { id: staffChair.id }, data: { isStaff: true, name: `Staff chair ${staffChair.id}` } });
  const user = await makeUser(db, "SECRETARIAT");
  await signInAs(page, "en", user);
  await page.goto("/en/admin/hearing");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Candidates' hearing");
  await expect(page.getByText("on the day before the opening of the conference.")).toBeVisible();
  await expectAccessible(page);

  const form = page.getByRole("form", { name: "Set-up of the hearing" });
  await expect(form.getByLabel("Date and time (Asia/Dubai)")).toHaveValue("2018-10-28T09:30");
  await form.getByLabel("Chair").selectOption({ label: `Staff chair ${staffChair.id} · staff` });
  await form.getByLabel("Venue").fill("Dubai World Trade Centre, Hall 5");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByTestId("form-error")).toHaveText("Refused under ¶8 of the Council study: a staff member may not chair the hearing.");
  await expect(form.getByLabel("Venue")).toHaveValue("Dubai World Trade Centre, Hall 5");
  await expectAccessible(page);

  // A member of an administration presenting a candidate (Uruguay, in the demo) is refused too.
  const uruguay = await db.memberState.findUniqueOrThrow({ where: { iso3: "URY" } });
  const partialChair = await makeUser(db, "CHAIR");
  await db.user.update({ where: { id: partialChair.id }, data: { memberStateId: uruguay.id, name: `Partial chair ${partialChair.id}` } });
  await page.reload();
  await form.getByLabel("Chair").selectOption({ label: `Partial chair ${partialChair.id} · URY` });
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByTestId("form-error")).toHaveText(
    "Refused under ¶8 of the Council study: a member of an administration presenting a candidate at this hearing may not chair it.",
  );

  // A time before the candidature deadline is refused under ¶8 as well.
  await form.getByLabel("Chair").selectOption({ label: "Demo Council Chair · NZL" });
  await form.getByLabel("Date and time (Asia/Dubai)").fill("2018-09-30T10:00");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByTestId("form-error")).toContainText("after the candidature deadline");

  await form.getByLabel("Date and time (Asia/Dubai)").fill("2018-10-28T09:30");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByTestId("form-success")).toHaveText("The hearing was saved.");
  const saved = await db.hearing.findUniqueOrThrow({ where: { id: hearing.id } });
  expect(saved.chairId).toBe(hearing.chairId);
  expect(saved.startsAt.toISOString()).toBe("2018-10-28T05:30:00.000Z");
  const audit = await db.auditEvent.findMany({ where: { actorId: user.id, area: "hearing" } });
  expect(audit.map((a) => a.action)).toEqual(["updated"]);
});

test("the secretariat commits the seed, then draws the running order, which anyone can verify", async ({ page, db }) => {
  const user = await makeUser(db, "SECRETARIAT");
  await signInAs(page, "en", user);
  await page.goto("/en/admin/hearing");
  await expect(page.getByTestId("seed-hash")).toHaveText("No seed has been committed yet.");

  // Drawing first is refused: the hash must be published before the draw.
  const draw = page.getByRole("form", { name: "Draw the running order" });
  await draw.getByRole("button", { name: "Draw the running order" }).click();
  await expect(draw.getByTestId("form-error")).toHaveText("Commit a seed before drawing: its hash must be published before the draw.");

  // By keyboard: focus the button, then Enter.
  const commit = page.getByRole("form", { name: "Commit the seed" });
  await commit.getByRole("button", { name: "Commit a seed and publish its hash" }).focus();
  await page.keyboard.press("Enter");
  // The page shows the published hash at once, and the seed cannot be committed again.
  await expect(page.getByTestId("seed-hash")).toHaveText(/^[0-9a-f]{64}$/);
  await expect(commit).toHaveCount(0);

  await page.getByRole("button", { name: "Draw the running order" }).click();
  await expect(page.getByRole("form", { name: "Draw the running order" }).getByTestId("form-success")).toHaveText("The running order was drawn.");
  await page.reload();
  const rows = page.getByTestId("running-order").locator("tbody tr");
  const count = await rows.count();
  expect(count).toBeGreaterThan(1);
  for (let i = 0; i < count; i++) await expect(rows.nth(i).locator("td").first()).toHaveText(String(i + 1));
  await expect(page.getByTestId("draws").locator("li")).toHaveCount(1);
  await expectAccessible(page);

  const hearing = await db.hearing.findFirstOrThrow({ where: { conference: { slug: "pp-18" } }, select: { id: true, seed: true, seedHash: true } });
  const recorded = await db.draw.findFirstOrThrow({ where: { hearingId: hearing.id, kind: "RUNNING_ORDER" } });
  expect(
    verifyDraw({ seed: hearing.seed ?? "", seedHash: hearing.seedHash ?? "", kind: "RUNNING_ORDER", hearingId: hearing.id, candidateId: null, eligibleIds: recorded.eligibleIds, count: recorded.count, result: recorded.result }),
  ).toBe(true);

  // A second draw for the same presenters is refused.
  await page.getByRole("button", { name: "Draw the running order" }).click();
  await expect(page.getByRole("form", { name: "Draw the running order" }).getByTestId("form-error")).toHaveText(
    "The running order has already been drawn for these presenters.",
  );
});

test("the hearing page reads right to left in Arabic and passes axe", async ({ page, db }) => {
  const user = await makeUser(db, "SECRETARIAT");
  await signInAs(page, "ar", user);
  await page.goto("/ar/admin/hearing");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("جلسة الاستماع إلى المرشحين");
  await expectAccessible(page);
});

test("a member is refused the hearing set-up (403)", async ({ page, db, consoleErrors }) => {
  consoleErrors.allow(/status of 403/);
  const member = await makeUser(db, "MEMBER");
  await signInAs(page, "en", member);
  const response = await page.goto("/en/admin/hearing");
  expect(response?.status()).toBe(403);
  await expect(page.locator("body")).not.toContainText("Set-up of the hearing");
});
