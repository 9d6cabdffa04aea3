import { expectAccessible, expect, signInAs, test } from "./support/fixtures";
import { makeWorldWithHearing } from "./support/world";

// What only a browser shows of a rehearsal (docs/decisions/018-rehearsal-hearings.md): the
// secretariat starts one and sees it marked, in English and Arabic, axe-clean; its page is not
// found for the public; the purge asks for the word typed. Every rule and refusal is
// tests/integration/hearing-rehearsal.test.ts's.

test("the secretariat runs a rehearsal, sees it marked, the public cannot find it, and it is purged with the word typed", async ({
  page,
  db,
  consoleErrors,
}) => {
  // A journey over four pages with two axe scans.
  test.slow();
  const world = await makeWorldWithHearing(db, { posts: 2, ready: true });
  await signInAs(page, world.secretariat);
  const url = `/admin/conferences/${world.conference.slug}/hearing`;
  await page.goto(`/en${url}`);
  const section = page.getByTestId("rehearsal-section");
  await section.getByRole("button", { name: "Run a rehearsal" }).click();
  // The page comes back with the rehearsal in place, and the outcome still on screen.
  await expect(section.getByTestId("rehearsal-badge")).toHaveText("Rehearsal", { timeout: 30_000 });
  await expect(section.getByTestId("form-success")).toContainText("The rehearsal is ready.");
  await expect(section.getByTestId("rehearsal-stage")).toHaveText("Stage: Set-up");
  await expectAccessible(page);
  const rehearsal = await db.hearing.findFirstOrThrow({ where: { conferenceId: world.conference.id, rehearsal: true }, select: { id: true } });

  await page.goto(`/ar${url}`);
  await expect(page.getByTestId("rehearsal-badge")).toHaveText("بروفة");
  await expectAccessible(page);

  // Not found for the public: the webcast page and its calendar file.
  consoleErrors.allow(/status of 404/);
  expect((await page.goto(`/en/hearing/${rehearsal.id}`))?.status()).toBe(404);
  expect((await page.request.get(`/api/hearings/${rehearsal.id}/calendar.ics`)).status()).toBe(404);

  await page.goto(`/en${url}`);
  const purge = page.getByRole("form", { name: "Purge the rehearsal" });
  await expect(purge).toContainText("The audit log is append-only");
  await purge.getByLabel("Type PURGE to confirm").fill("purge");
  await purge.getByRole("button", { name: "Purge the rehearsal" }).click();
  await expect(purge.getByTestId("form-error")).toBeVisible();
  await expect(purge.getByText("Nothing was deleted: type the word shown, in capital letters.")).toBeVisible();
  await purge.getByLabel("Type PURGE to confirm").fill("PURGE");
  await purge.getByRole("button", { name: "Purge the rehearsal" }).click();
  const again = page.getByRole("form", { name: "Run a rehearsal" });
  await expect(again.getByTestId("form-success")).toHaveText("The rehearsal is purged. The audit log keeps its entries.");
  await expect(again.getByRole("button", { name: "Run a rehearsal" })).toBeVisible();
  expect(await db.hearing.count({ where: { id: rehearsal.id } })).toBe(0);
});
