import { makeUser, unique } from "../support/factories";
import { expectAccessible, expect, signInAs, test } from "./support/fixtures";

// The secretariat's journey of issue 3, through the console as a person would go: register
// a candidature, make it formal, bring the hearing's presenters up to date, be refused a
// chair from a presenting administration (¶8), set an impartial one, enter a cost and see
// the new state's equal share. Runs after the read-only specs (it changes the demo hearing).
test("the secretariat registers and formalises a candidature, sets up the hearing, and sees the cost shares", async ({ page, db }) => {
  const user = await makeUser(db, "SECRETARIAT");
  const chile = await db.memberState.findUniqueOrThrow({ where: { iso3: "CHL" } });
  const partialChair = await makeUser(db, "CHAIR");
  await db.user.update({ where: { id: partialChair.id }, data: { memberStateId: chile.id, name: `Chilean chair ${partialChair.id}` } });
  const name = unique("Journey Candidate");
  await signInAs(page, "en", user);

  // Register the candidature, announced.
  await page.goto("/en/admin/candidates");
  const register = page.getByRole("form", { name: "Register a candidature" });
  await register.getByLabel("Candidate's name").fill(name);
  await register.getByLabel("Post").selectOption({ label: "Secretary-General (SG)" });
  await register.getByLabel("Nominating Member State").selectOption({ label: "Chile" });
  await register.getByRole("button", { name: "Register" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByTestId("candidate-status")).toHaveText("Announced");

  // Formalise it, received before the deadline.
  const status = page.getByRole("form", { name: "Change the status" });
  await status.getByLabel("New status").selectOption("FORMAL");
  await status.getByLabel("Date and time of formal receipt (Geneva time)").fill("2018-09-28T11:30");
  await status.getByRole("button", { name: "Change the status" }).click();
  await expect(status.getByTestId("form-success")).toContainText("The status is now: Formal.");

  // The hearing: the new candidate presents, so a Chilean chair is refused under ¶8.
  await page.goto("/en/admin/hearing");
  const refresh = page.getByRole("form", { name: "Update the presenters" });
  await refresh.getByRole("button", { name: "Update the presenters" }).click();
  await expect(refresh.getByTestId("form-success")).toContainText("The presenters were updated");
  await page.reload();
  await expect(page.getByText(name).first()).toBeVisible();

  const setUp = page.getByRole("form", { name: "Set-up of the hearing" });
  await setUp.getByLabel("Chair").selectOption({ label: `Chilean chair ${partialChair.id} · CHL` });
  await setUp.getByRole("button", { name: "Save" }).click();
  await expect(setUp.getByTestId("form-error")).toHaveText(
    "Refused under ¶8 of the Council study: a member of an administration presenting a candidate at this hearing may not chair it.",
  );
  await setUp.getByLabel("Chair").selectOption({ label: "Demo Council Chair · NZL" });
  await setUp.getByRole("button", { name: "Save" }).click();
  await expect(setUp.getByTestId("form-success")).toHaveText("The hearing was saved.");
  await expectAccessible(page);

  // The presenters changed, so the order is drawn again; the seed's hash was published first.
  const commit = page.getByRole("form", { name: "Commit the seed" });
  if ((await commit.count()) > 0) {
    await commit.getByRole("button", { name: "Commit a seed and publish its hash" }).click();
    await expect(page.getByTestId("seed-hash")).toHaveText(/^[0-9a-f]{64}$/);
  }
  const hash = (await page.getByTestId("seed-hash").textContent()) ?? "";
  await page.getByRole("form", { name: "Draw the running order" }).getByRole("button", { name: "Draw the running order" }).click();
  await expect(page.getByRole("form", { name: "Draw the running order" }).getByTestId("form-success")).toHaveText("The running order was drawn.");

  // The public home page publishes the commitment and the drawn order.
  await page.goto("/en");
  await expect(page.getByTestId("public-seed-hash")).toHaveText(hash);
  await expect(page.getByTestId("public-running-order")).toContainText(name);

  // Costs: Chile now owes an equal share.
  const currency = `Q${unique("").replace(/[^A-Z]/gi, "").toUpperCase().slice(-2).padStart(2, "Z")}`;
  await page.goto("/en/admin/costs");
  const add = page.getByRole("form", { name: "Add a cost item" });
  await add.getByLabel("Category").selectOption("INTERPRETATION");
  await add.getByLabel("Description").fill(unique("Interpretation, six languages"));
  await add.getByLabel("Amount").fill("12500.00");
  await add.getByLabel("Currency").fill(currency);
  await add.getByRole("button", { name: "Add the item" }).click();
  await expect(add.getByTestId("form-success")).toHaveText("The cost item was added.");
  await page.reload();
  const shares = page.getByTestId(`shares-${currency}`);
  await expect(shares).toContainText("Chile");
  const cents = (await shares.locator("tbody tr td:last-child").allTextContents()).map((t) => Math.round(Number.parseFloat(t) * 100));
  expect(cents.reduce((a, b) => a + b, 0)).toBe(1_250_000);
  expect(Math.max(...cents) - Math.min(...cents)).toBeLessThanOrEqual(1);
  await expectAccessible(page);

  // Every step is in the audit log, by this user.
  const actions = await db.auditEvent.findMany({ where: { actorId: user.id }, orderBy: { id: "asc" }, select: { area: true, action: true } });
  expect(actions.map((a) => a.area)).toEqual(expect.arrayContaining(["candidate", "hearing", "cost"]));
});
