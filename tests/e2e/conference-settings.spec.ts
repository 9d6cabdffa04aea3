import { makeUser } from "../support/factories";
import { expectAccessible, expect, signInAs, test } from "./support/fixtures";

test.describe.configure({ mode: "serial" });

test("the secretariat overrides the deadline with a reason, sees it beside the date, and bad input keeps what was typed", async ({ page, db }) => {
  const user = await makeUser(db, "SECRETARIAT");
  await signInAs(page, "en", user);
  await page.goto("/en/admin/conference");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Conference and deadlines");
  await expect(page.getByTestId("deadline-computed")).toContainText("October 1, 2018");
  await expectAccessible(page);

  // A reason that is too short is refused, with the field's own message, and nothing is lost.
  const override = page.getByRole("form", { name: "Set another deadline" });
  await override.getByLabel("New deadline (Geneva time)").fill("2018-10-05T18:00");
  await override.getByLabel("Reason").fill("Short");
  await override.getByRole("button", { name: "Set this deadline" }).click();
  await expect(override.getByTestId("form-error")).toBeVisible();
  await expect(override.getByText("Give a reason of at least 10 characters.")).toBeVisible();
  await expect(override.getByLabel("Reason")).toHaveValue("Short");
  await expect(override.getByLabel("New deadline (Geneva time)")).toHaveValue("2018-10-05T18:00");
  await expectAccessible(page);

  await override.getByLabel("Reason").fill("Postal services were disrupted in the last week of September.");
  await override.getByRole("button", { name: "Set this deadline" }).click();
  await expect(override.getByTestId("form-success")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("deadline-in-force")).toContainText("October 5, 2018");
  await expect(page.getByTestId("deadline-in-force")).toContainText("Postal services were disrupted");

  // The public home page shows the new date with its reason.
  await page.goto("/en");
  await expect(page.locator("#key-dates + ol li").first()).toContainText("Postal services were disrupted");

  // Back to the computed deadline, with a reason too.
  await page.goto("/en/admin/conference");
  const clear = page.getByRole("form", { name: "Return to the computed deadline" });
  await clear.getByLabel("Reason").fill("The disruption was resolved in time.");
  await clear.getByRole("button", { name: "Use the computed deadline" }).click();
  await expect(clear.getByTestId("form-success")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("deadline-in-force")).toContainText("October 1, 2018");

  const audit = await db.auditEvent.findMany({ where: { actorId: user.id, area: "conference" }, orderBy: { id: "asc" } });
  expect(audit.map((a) => a.action)).toEqual(["deadline-overridden", "deadline-override-cleared"]);
});

test("the conference form refuses a last day before the first and keeps the input", async ({ page, db }) => {
  const user = await makeUser(db, "SECRETARIAT");
  await signInAs(page, "en", user);
  await page.goto("/en/admin/conference");
  const form = page.getByRole("form", { name: "The conference" });
  await form.getByLabel("Last day").fill("2018-10-01");
  await form.getByLabel("City").fill("Dubai (edited)");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByText("The last day cannot be before the first day.")).toBeVisible();
  await expect(form.getByLabel("City")).toHaveValue("Dubai (edited)");
  const saved = await db.conference.findUniqueOrThrow({ where: { slug: "pp-18" } });
  expect(saved.city).toBe("Dubai");
});
