import { verifyDraw } from "../../lib/draw/verifiable-draw";
import { expectAccessible, expect, signInAs, test } from "./support/fixtures";
import { makeStaff, makeWorldWithHearing } from "./support/world";

// Each test sets up the hearing of a conference of its own (two formal candidates from two
// states presenting; no seed committed, nothing drawn). The refusals the services make are
// tests/integration's: a chair from a presenting administration and a date before the
// deadline in hearing-setup.test.ts, a draw before the seed's hash and a second draw for the
// same presenters in hearing-draw.test.ts.

test("the secretariat sets up the hearing; a staff chair is refused with ¶8 named, and what was typed stays", async ({ page, db }) => {
  const world = await makeWorldWithHearing(db, { posts: 2 });
  const hearing = world.hearing;
  const staffChair = await makeStaff(db, "CHAIR", { isStaff: true });
  await signInAs(page, world.secretariat);
  await page.goto(`/en/admin/conferences/${world.conference.slug}/hearing`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Candidates' hearing");
  await expect(page.getByText("on the day before the opening of the conference.")).toBeVisible();
  await expectAccessible(page);

  const form = page.getByRole("form", { name: "Set-up of the hearing" });
  await expect(form.getByLabel("Date and time (Asia/Dubai)")).toHaveValue("2030-10-27T09:30");
  await form.getByLabel("Chair").selectOption({ label: `${staffChair.name} · staff` });
  await form.getByLabel("Venue").fill("Dubai World Trade Centre, Hall 5");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByTestId("form-error")).toHaveText("Refused under ¶8 of the Council study: a staff member may not chair the hearing.");
  await expect(form.getByLabel("Venue")).toHaveValue("Dubai World Trade Centre, Hall 5");
  await expectAccessible(page);

  await form.getByLabel("Chair").selectOption(world.chair.id);
  await form.getByLabel("Date and time (Asia/Dubai)").fill("2030-10-27T10:00");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByTestId("form-success")).toHaveText("The hearing was saved.");
  const saved = await db.hearing.findUniqueOrThrow({ where: { id: hearing.id } });
  expect(saved).toMatchObject({ chairId: world.chair.id, venue: "Dubai World Trade Centre, Hall 5" });
  expect(saved.startsAt.toISOString()).toBe("2030-10-27T06:00:00.000Z");
});

test("the secretariat commits the seed by keyboard, then draws the running order, which anyone can verify", async ({ page, db }) => {
  const world = await makeWorldWithHearing(db, { posts: 3 });
  const hearingId = world.hearing.id;
  await signInAs(page, world.secretariat);
  await page.goto(`/en/admin/conferences/${world.conference.slug}/hearing`);
  await expect(page.getByTestId("seed-hash")).toHaveText("No seed has been committed yet.");

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
  await expect(rows).toHaveCount(3);
  for (let i = 0; i < 3; i++) await expect(rows.nth(i).locator("td").first()).toHaveText(String(i + 1));
  await expect(page.getByTestId("draws").locator("li")).toHaveCount(1);
  await expectAccessible(page);

  const hearing = await db.hearing.findUniqueOrThrow({ where: { id: hearingId }, select: { id: true, seed: true, seedHash: true } });
  const recorded = await db.draw.findFirstOrThrow({ where: { hearingId, kind: "RUNNING_ORDER" } });
  expect(
    verifyDraw({
      seed: hearing.seed ?? "",
      seedHash: hearing.seedHash ?? "",
      kind: "RUNNING_ORDER",
      hearingId,
      candidateId: null,
      eligibleIds: recorded.eligibleIds,
      count: recorded.count,
      result: recorded.result,
    }),
  ).toBe(true);

  // The conference's public page publishes the commitment and the order.
  await page.goto(`/en/conferences/${world.conference.slug}`);
  await expect(page.getByTestId("public-seed-hash")).toHaveText(hearing.seedHash ?? "");
  for (const candidate of world.candidates) await expect(page.getByTestId("public-running-order")).toContainText(candidate.name);
});

test("the hearing page reads right to left in Arabic and passes axe", async ({ page, db }) => {
  const world = await makeWorldWithHearing(db, { posts: 1 });
  await signInAs(page, world.secretariat);
  await page.goto(`/ar/admin/conferences/${world.conference.slug}/hearing`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("جلسة الاستماع إلى المرشحين");
  await expectAccessible(page);
});

test("a member is refused the hearing set-up (403)", async ({ page, db, consoleErrors }) => {
  consoleErrors.allow(/status of 403/);
  const world = await makeWorldWithHearing(db, { posts: 1 });
  await signInAs(page, await makeStaff(db, "MEMBER"));
  const response = await page.goto(`/en/admin/conferences/${world.conference.slug}/hearing`);
  expect(response?.status()).toBe(403);
  await expect(page.locator("body")).not.toContainText("Set-up of the hearing");
});
