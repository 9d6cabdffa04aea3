import { randomBytes } from "node:crypto";
import { expectAccessible, expect, signInAs, test } from "./support/fixtures";
import { endWorldHearing, makeStaff, makeWorldWithHearing } from "./support/world";
import { confirmDialog } from "./support/confirm";

// Each test enters costs for the hearing of a conference of its own, with two candidates
// from two states presenting. The amounts' and currencies' rules, the minor-units arithmetic,
// the snapshot at the start and the audit rows are tests/integration/costs-services.test.ts's.

/** "CHF 50.01" → 5001: the figure's minor units, whatever the locale put around it. */
const minorUnits = (text: string) => Number(text.replace(/[^\d]/g, ""));

test("the secretariat enters costs, sees each state's share and downloads the CSV", async ({ page, db }) => {
  const world = await makeWorldWithHearing(db, { posts: 2 });
  const slug = world.conference.slug;
  const description = `Interpretation ${randomBytes(3).toString("hex")}`;
  await signInAs(page, world.secretariat);
  await page.goto(`/en/admin/conferences/${slug}/costs`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hearing costs");
  await expectAccessible(page);

  const form = page.getByRole("form", { name: "Add a cost item" });
  await form.getByLabel("Description").fill(description);
  await form.getByLabel("Amount").fill("100.005");
  await form.getByLabel("Currency").fill("XYZ");
  await form.getByRole("button", { name: "Add the item" }).click();
  // A code ISO 4217 does not define is refused; then the amount is read in the currency's minor units.
  await expect(form.getByText("Enter a currency code from ISO 4217, such as CHF, EUR or JPY.")).toBeVisible();
  await form.getByLabel("Currency").fill("CHF");
  await form.getByRole("button", { name: "Add the item" }).click();
  await expect(form.getByText("This currency has 2 decimals: enter at most 2 after the point.")).toBeVisible();
  await expect(form.getByLabel("Description")).toHaveValue(description);
  await expectAccessible(page);

  await form.getByLabel("Amount").fill("100.01");
  await form.getByRole("button", { name: "Add the item" }).click();
  await expect(form.getByTestId("form-success")).toHaveText("The cost item was added.");
  await page.reload();
  await expect(page.getByTestId("cost-items")).toContainText(description);
  await expect(page.getByTestId("total-CHF")).toHaveText("Total in CHF: 100.01");

  // Equal shares between the two presenting states, exact to the cent, and provisional: the hearing has not started.
  await expect(page.getByTestId("shares-basis")).toHaveAttribute("data-basis", "PROJECTION");
  const shares = page.getByTestId("shares-CHF");
  for (const candidate of world.candidates) await expect(shares).toContainText(candidate.memberState.nameEn);
  const amounts = (await shares.locator("tbody tr td:last-child").allTextContents()).map(minorUnits);
  expect(amounts.sort((a, b) => a - b)).toEqual([5000, 5001]);

  // A currency without minor units: whole yen only.
  await form.getByLabel("Description").fill(`${description} JPY`);
  await form.getByLabel("Amount").fill("12501");
  await form.getByLabel("Currency").fill("JPY");
  await form.getByRole("button", { name: "Add the item" }).click();
  await expect(form.getByTestId("form-success")).toHaveText("The cost item was added.");
  await page.reload();
  await expect(page.getByTestId("total-JPY")).toHaveText("Total in JPY: 12,501");
  expect((await page.getByTestId("shares-JPY").locator("tbody tr td:last-child").allTextContents()).map(minorUnits).sort()).toEqual([6250, 6251]);

  const csv = await page.request.get(`/api/admin/conferences/${slug}/costs`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(csv.headers()["content-disposition"]).toBe(`attachment; filename="hearing-costs-${slug}.csv"`);
  expect(csv.headers()["cache-control"]).toContain("no-store");
  const body = await csv.text();
  expect(body).toContain(`item,INTERPRETATION,${description},100.01,CHF`);
  expect(body).toContain("total,,,100.01,CHF");
  expect(body).toContain("total,,,12501,JPY");
  expect(body).toContain("projected_share,");
});

test("the secretariat removes an item entered by mistake", async ({ page, db }) => {
  const world = await makeWorldWithHearing(db, { posts: 1 });
  const description = `Room ${randomBytes(3).toString("hex")}`;
  await signInAs(page, world.secretariat);
  await page.goto(`/en/admin/conferences/${world.conference.slug}/costs`);
  const form = page.getByRole("form", { name: "Add a cost item" });
  await form.getByLabel("Category").selectOption("ROOM");
  await form.getByLabel("Description").fill(description);
  await form.getByLabel("Amount").fill("25");
  await form.getByLabel("Currency").fill("EUR");
  await form.getByRole("button", { name: "Add the item" }).click();
  await expect(form.getByTestId("form-success")).toBeVisible();
  await page.reload();
  const remove = page.getByRole("form", { name: `Remove ${description}` });
  await remove.getByRole("button", { name: "Remove" }).click();
  await confirmDialog(page);
  // The row goes with its item: the page re-renders without it.
  await expect(remove).toHaveCount(0);
  await page.reload();
  await expect(page.locator("main")).not.toContainText(description);
  expect(await db.costItem.count({ where: { hearingId: world.hearing.id } })).toBe(0);
});

test("the costs page reads right to left in Arabic and passes axe", async ({ page, db }) => {
  const world = await makeWorldWithHearing(db, { posts: 1 });
  await signInAs(page, world.secretariat);
  await page.goto(`/ar/admin/conferences/${world.conference.slug}/costs`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("تكاليف جلسة الاستماع");
  await expectAccessible(page);
});

test("a member gets 403 on the costs page and the CSV; an anonymous visitor gets 401", async ({ page, db, playwright, baseURL, consoleErrors }) => {
  consoleErrors.allow(/status of 403/);
  const world = await makeWorldWithHearing(db, { posts: 1 });
  const slug = world.conference.slug;
  await signInAs(page, await makeStaff(db, "MEMBER"));
  const response = await page.goto(`/en/admin/conferences/${slug}/costs`);
  expect(response?.status()).toBe(403);
  expect((await page.request.get(`/api/admin/conferences/${slug}/costs`)).status()).toBe(403);

  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.get(`/api/admin/conferences/${slug}/costs`)).status()).toBe(401);
  await anonymous.dispose();
});

test("once the hearing has ended, each state's share is public on its page, in the reader's locale; a closed record's costs no longer change", async ({
  page,
  db,
}) => {
  const world = await makeWorldWithHearing(db, { posts: 2, ready: true });
  const waiting = await makeWorldWithHearing(db, { posts: 1, ready: true });
  await endWorldHearing(db, world.hearing, {
    costs: [
      { description: "Interpretation", amountMinor: 100_001n, currency: "CHF" },
      { description: "Room", amountMinor: 1_251n, currency: "BHD" },
    ],
    closed: true,
  });
  await db.costItem.create({ data: { hearingId: waiting.hearing.id, category: "ROOM", description: "Room", amountMinor: 5_000n, currency: "CHF" } });

  // Not ended: nothing, not even a projection.
  await page.goto(`/en/hearing/${waiting.hearing.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("public-cost-shares")).toHaveCount(0);

  await page.goto(`/en/hearing/${world.hearing.id}`);
  const section = page.getByTestId("public-cost-shares");
  await expect(section.getByRole("heading", { level: 2 })).toHaveText("Share of the hearing's costs");
  await expect(section.getByTestId("public-total-CHF")).toHaveText("Total in CHF: 1,000.01");
  const chf = section.getByRole("table", { name: "Each Member State's share in CHF" });
  for (const candidate of world.candidates) await expect(chf).toContainText(candidate.memberState.nameEn);
  expect((await chf.locator("tbody tr td:last-child").allTextContents()).map((t) => t.replace(/\s/g, " ")).sort()).toEqual(["CHF 500.00", "CHF 500.01"]);
  // Three minor units for the Bahraini dinar: 1.251 BHD is 0.626 + 0.625.
  const bhd = section.getByTestId("public-shares-BHD");
  expect((await bhd.locator("tbody tr td:last-child").allTextContents()).map((t) => t.replace(/\s/g, " ")).sort()).toEqual(["BHD 0.625", "BHD 0.626"]);
  await expectAccessible(page);

  await page.goto(`/fr/hearing/${world.hearing.id}`);
  await expect(page.getByTestId("public-total-CHF")).toHaveText(/^Total en CHF\s:\s1\s000,01$/);
  await page.goto(`/ar/hearing/${world.hearing.id}`);
  await expect(page.getByTestId("public-cost-shares").getByRole("heading", { level: 2 })).toHaveText("حصص تكاليف جلسة الاستماع");
  await expectAccessible(page);

  // The record is closed: the console shows the costs, final, with nothing to add or remove.
  await signInAs(page, world.secretariat);
  await page.goto(`/en/admin/conferences/${world.conference.slug}/costs`);
  await expect(page.getByTestId("costs-closed")).toHaveText("The hearing's record is closed: these costs are final and can no longer change.");
  await expect(page.getByRole("form", { name: "Add a cost item" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Remove" })).toHaveCount(0);
  await expect(page.getByTestId("shares-basis")).toHaveAttribute("data-basis", "SNAPSHOT");
  await expectAccessible(page);
});
