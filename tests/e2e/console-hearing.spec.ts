import { sealingKeyFrom, unsealSeedWith } from "../../lib/draw/seal-core";
import { verifyDraw } from "../../lib/draw/verifiable-draw";
import { expectAccessible, expect, signInAs, test } from "./support/fixtures";
import { endWorldHearing, makeStaff, makeWorldWithHearing } from "./support/world";

// Each test sets up the hearing of a conference of its own (formal candidates from states of
// their own presenting; no seed committed, nothing drawn, unless `ready`). The console shows the
// stage and offers only what it allows (docs/decisions/014-hearing-record-integrity.md); the
// refusals the services make are tests/integration's: a chair from a presenting administration
// and a date before the deadline in hearing-setup.test.ts, the draws and the re-opening in
// hearing-draw.test.ts, every start check and every rewrite after the end in hearing-stages.test.ts.

/** The test server's AUTH_SECRET (playwright.config.ts): its seeds are sealed with a key derived from it. */
const E2E_SECRET = "e2e-only-secret-not-for-production-0123456789";

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
  await expect(form.getByLabel("Date and time (Gulf Standard Time, GMT+4)")).toHaveValue("2030-10-27T09:30");
  await form.getByLabel("Chair").selectOption({ label: `${staffChair.name} · staff` });
  await form.getByLabel("Venue").fill("Dubai World Trade Centre, Hall 5");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByTestId("form-error")).toHaveText("Refused under ¶8 of the Council study: a staff member may not chair the hearing.");
  await expect(form.getByLabel("Venue")).toHaveValue("Dubai World Trade Centre, Hall 5");
  await expectAccessible(page);

  await form.getByLabel("Chair").selectOption(world.chair.id);
  await form.getByLabel("Date and time (Gulf Standard Time, GMT+4)").fill("2030-10-27T10:00");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByTestId("form-success")).toHaveText("The hearing was saved.");
  const saved = await db.hearing.findUniqueOrThrow({ where: { id: hearing.id } });
  expect(saved).toMatchObject({ chairId: world.chair.id, venue: "Dubai World Trade Centre, Hall 5" });
  expect(saved.startsAt.toISOString()).toBe("2030-10-27T06:00:00.000Z");

  // The question quota (docs/decisions/045-quota-draws.md): a minimum above its maximum is refused in words, what was typed stays; then saved.
  const quota = page.getByRole("form", { name: "Question quota" });
  await quota.getByLabel("Minimum from Members of the public", { exact: true }).fill("2");
  await quota.getByLabel("Maximum from Members of the public", { exact: true }).fill("1");
  await quota.getByRole("button", { name: "Save the quota" }).click();
  await expect(quota.getByText("The minimum is above the maximum.")).toBeVisible();
  await expect(quota.getByLabel("Maximum from Members of the public", { exact: true })).toHaveValue("1");
  await quota.getByLabel("Minimum from Members of the public", { exact: true }).fill("1");
  await quota.getByLabel("Minimum from Member States", { exact: true }).fill("1");
  await quota.getByLabel("Maximum per region (Member States)", { exact: true }).fill("1");
  await quota.getByRole("button", { name: "Save the quota" }).click();
  await expect(quota.getByTestId("form-success")).toHaveText("The quota was saved.");
  expect((await db.hearing.findUniqueOrThrow({ where: { id: hearing.id } })).questionQuota).toMatchObject({
    regionMax: 1,
    sources: { PUBLIC: { min: 1, max: 1 } },
  });
});

test("the secretariat commits the seed by keyboard, draws the order with the dice, sees nothing blocks the start, then re-opens publicly", async ({
  page,
  db,
}) => {
  const world = await makeWorldWithHearing(db, { posts: 3 });
  const hearingId = world.hearing.id;
  await signInAs(page, world.secretariat);
  await page.goto(`/en/admin/conferences/${world.conference.slug}/hearing`);
  const stages = page.getByTestId("hearing-stages");
  await expect(stages.locator('[aria-current="step"]')).toHaveText(/Set-up/);
  await expect(page.getByTestId("seed-hash")).toHaveText("No seed has been committed yet.");
  await expect(page.getByTestId("start-blockers")).toContainText("No seed is committed yet.");

  // By keyboard: focus the button, then Enter; the dialog opens on Cancel, so Tab to confirm, then Enter.
  const commit = page.getByRole("form", { name: "Commit the seed" });
  await commit.getByRole("button", { name: "Commit a seed and publish its hash" }).focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  // The page shows the published hash at once; the seed cannot be committed again, the presenters are frozen.
  await expect(page.getByTestId("seed-hash")).toHaveText(/^[0-9a-f]{64}$/);
  await expect(commit).toHaveCount(0);
  await expect(stages.locator('[aria-current="step"]')).toHaveText(/Seed committed/);
  await expect(page.getByRole("form", { name: "Update the presenters" })).toHaveCount(0);
  await expect(page.getByTestId("presenters-frozen")).toBeVisible();
  await expect(page.getByTestId("start-blockers")).toContainText("The running order has not been drawn");
  await expectAccessible(page);

  // The dice: letters are refused with the field's message, the digits are kept as read.
  const draw = page.getByRole("form", { name: "Draw the running order" });
  const dice = draw.getByLabel("Digits of the dice rolled in the room");
  await dice.fill("four two");
  await draw.getByRole("button", { name: "Draw the running order" }).click();
  await expect(draw.getByText("Type the digits of the dice rolled in the room: only 0 to 9")).toBeVisible();
  await expect(dice).toHaveAttribute("aria-invalid", "true");
  await dice.fill("4 2 6 1 3 5");
  await dice.press("Enter");
  await expect(page.getByTestId("start-clear")).toHaveText("Nothing blocks the start: the chair may open the hearing.");
  const rows = page.getByTestId("running-order").locator("tbody tr");
  await expect(rows).toHaveCount(3);
  for (let i = 0; i < 3; i++) await expect(rows.nth(i).locator("td").first()).toHaveText(String(i + 1));
  await expect(page.getByTestId("draws").locator("li")).toHaveCount(1);
  await expect(page.getByTestId("draws")).toContainText("426135");
  await expect(page.getByRole("form", { name: "Draw the running order" })).toHaveCount(0);
  await expectAccessible(page);

  // The draw verifies with the sealed seed, opened with the test server's key.
  const hearing = await db.hearing.findUniqueOrThrow({ where: { id: hearingId }, select: { seed: true, sealedSeed: true, seedHash: true } });
  expect(hearing.seed).toBeNull();
  const key = sealingKeyFrom({ SEED_SEALING_KEY: process.env.SEED_SEALING_KEY, AUTH_SECRET: process.env.AUTH_SECRET ?? E2E_SECRET });
  const seed = unsealSeedWith(key ?? Buffer.alloc(32), hearing.sealedSeed ?? "");
  const recorded = await db.draw.findFirstOrThrow({ where: { hearingId, kind: "RUNNING_ORDER" } });
  expect(
    verifyDraw({
      seed,
      seedHash: hearing.seedHash ?? "",
      kind: "RUNNING_ORDER",
      hearingId,
      candidateId: null,
      entropy: "426135",
      eligibleIds: recorded.eligibleIds,
      count: recorded.count,
      result: recorded.result,
    }),
  ).toBe(true);

  // The conference's public page publishes the commitment and the order.
  await page.goto(`/en/conferences/${world.conference.slug}`);
  await expect(page.getByTestId("public-seed-hash")).toHaveText(hearing.seedHash ?? "");
  for (const candidate of world.candidates) await expect(page.getByTestId("public-running-order")).toContainText(candidate.name);

  // Re-opening needs a reason and an explicit tick; it voids the commitment in public.
  await page.goto(`/en/admin/conferences/${world.conference.slug}/hearing`);
  const reopen = page.getByRole("form", { name: "Re-open the set-up" });
  await reopen.getByLabel("Reason (published)").fill("A candidate withdrew after the draw.");
  await reopen.getByRole("button", { name: "Void the commitment and re-open" }).click();
  await expect(reopen.getByText("Tick the box to confirm that the published commitment is to be voided.")).toBeVisible();
  await expect(reopen.getByLabel("Reason (published)")).toHaveValue("A candidate withdrew after the draw.");
  await reopen.getByLabel("I understand that this voids the published commitment and publishes its seed.").check();
  await reopen.getByRole("button", { name: "Void the commitment and re-open" }).click();
  const voided = page.getByTestId("voided-commitments");
  await expect(voided).toContainText("A candidate withdrew after the draw.");
  await expect(voided).toContainText(seed);
  await expect(stages.locator('[aria-current="step"]')).toHaveText(/Set-up/);
  await expect(page.getByTestId("seed-hash")).toHaveText("No seed has been committed yet.");
  await expect(page.getByTestId("draws")).toContainText("(voided)");
  await expectAccessible(page);
});

test("after the reveal the secretariat closes the record, with a confirmation; then nothing can change", async ({ page, db }) => {
  const world = await makeWorldWithHearing(db, { posts: 2, ready: true });
  await endWorldHearing(db, world.hearing);
  await db.hearing.update({ where: { id: world.hearing.id }, data: { seed: world.hearing.seed, sealedSeed: null, seedRevealedAt: new Date() } });
  await signInAs(page, world.secretariat);
  await page.goto(`/en/admin/conferences/${world.conference.slug}/hearing`);
  const stages = page.getByTestId("hearing-stages");
  await expect(stages.locator('[aria-current="step"]')).toHaveText(/Seed revealed/);
  // No draw of any kind is offered once the seed is public.
  await expect(page.getByRole("form", { name: "Draw the running order" })).toHaveCount(0);
  await expect(page.getByRole("form", { name: "Update the presenters" })).toHaveCount(0);

  const close = page.getByRole("form", { name: "Close the record" });
  await close.getByRole("button", { name: "Close the record" }).click();
  await expect(close.getByText("Tick the box to confirm that the record is to be closed.")).toBeVisible();
  await close.getByLabel("I confirm that the hearing's record is complete and final.").focus();
  await page.keyboard.press("Space");
  await close.getByRole("button", { name: "Close the record" }).click();
  await expect(page.getByTestId("record-closed")).toContainText("nothing about this hearing changes any more");
  await expect(stages.locator('[aria-current="step"]')).toHaveText(/Record closed/);
  await expect(page.getByRole("form", { name: "Set-up of the hearing" })).toHaveCount(0);
  await expect(page.getByTestId("set-up-closed")).toBeVisible();
  expect((await db.hearing.findUniqueOrThrow({ where: { id: world.hearing.id } })).closedAt).toBeInstanceOf(Date);
  await expectAccessible(page);
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
