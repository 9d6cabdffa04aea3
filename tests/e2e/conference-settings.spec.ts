import { expectAccessible, expect, signInAs, test } from "./support/fixtures";
import { makeStaff, makeWorldConference } from "./support/world";

// Each test edits a conference of its own (opening 28 October 2030: GR170's deadline is
// 30 September, 23:59 in Geneva). What the services refuse is
// tests/integration/conference-settings.test.ts's; here, what the pages show and keep.

test("the secretariat overrides the deadline with a reason, sees it beside the date, and bad input keeps what was typed", async ({ page, db }) => {
  // A journey of many pages and saves: three times the usual time on a busy machine.
  test.slow();
  const conference = await makeWorldConference(db);
  const user = await makeStaff(db, "SECRETARIAT");
  await signInAs(page, user);
  await page.goto(`/en/admin/conferences/${conference.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Conference and deadlines");
  await expect(page.getByTestId("deadline-computed")).toContainText("September 30, 2030");
  await expectAccessible(page);

  // A reason that is too short is refused, with the field's own message, and nothing is lost.
  const override = page.getByRole("form", { name: "Set another deadline" });
  await override.getByLabel("New deadline (Geneva time)").fill("2030-10-04T18:00");
  await override.getByLabel("Reason").fill("Short");
  await override.getByRole("button", { name: "Set this deadline" }).click();
  await expect(override.getByTestId("form-error")).toBeVisible();
  await expect(override.getByText("Give a reason of at least 10 characters.")).toBeVisible();
  await expect(override.getByLabel("Reason")).toHaveValue("Short");
  await expect(override.getByLabel("New deadline (Geneva time)")).toHaveValue("2030-10-04T18:00");
  await expectAccessible(page);

  await override.getByLabel("Reason").fill("Postal services were disrupted in the last week of September.");
  await override.getByRole("button", { name: "Set this deadline" }).click();
  await expect(override.getByTestId("form-success")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("deadline-in-force")).toContainText("October 4, 2030");
  await expect(page.getByTestId("deadline-in-force")).toContainText("Postal services were disrupted");

  // The conference's public page shows the new date with its reason.
  await page.goto(`/en/conferences/${conference.slug}`);
  await expect(page.locator("#key-dates + ol li").first()).toContainText("Postal services were disrupted");

  // Back to the computed deadline, with a reason too.
  await page.goto(`/en/admin/conferences/${conference.slug}`);
  const clear = page.getByRole("form", { name: "Return to the computed deadline" });
  await clear.getByLabel("Reason").fill("The disruption was resolved in time.");
  await clear.getByRole("button", { name: "Use the computed deadline" }).click();
  await expect(clear.getByTestId("form-success")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("deadline-in-force")).toContainText("September 30, 2030");
  await page.goto(`/en/conferences/${conference.slug}`);
  await expect(page.locator("#key-dates + ol li").first()).not.toContainText("Postal services were disrupted");
});

test("the conference form refuses a last day before the first and keeps the input; the page reads right to left in Arabic", async ({ page, db }) => {
  const conference = await makeWorldConference(db);
  await signInAs(page, await makeStaff(db, "SECRETARIAT"));
  await page.goto(`/en/admin/conferences/${conference.slug}`);
  const form = page.getByRole("form", { name: "The conference" });
  await form.getByLabel("Last day").fill("2030-10-01");
  await form.getByLabel("City").fill("Dubai (edited)");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByText("The last day cannot be before the first day.")).toBeVisible();
  await expect(form.getByLabel("City")).toHaveValue("Dubai (edited)");
  await expect(form.getByLabel("Last day")).toHaveValue("2030-10-01");
  expect((await db.conference.findUniqueOrThrow({ where: { id: conference.id } })).city).toBe("Dubai");

  await page.goto(`/ar/admin/conferences/${conference.slug}`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expectAccessible(page);
});

test("a member is refused a conference's settings (403)", async ({ page, db, consoleErrors }) => {
  consoleErrors.allow(/status of 403/);
  const conference = await makeWorldConference(db);
  await signInAs(page, await makeStaff(db, "MEMBER"));
  const response = await page.goto(`/en/admin/conferences/${conference.slug}`);
  expect(response?.status()).toBe(403);
  await expect(page.locator("body")).not.toContainText(conference.name);
});
