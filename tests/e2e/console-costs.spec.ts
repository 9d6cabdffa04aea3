import { randomBytes } from "node:crypto";
import { expectAccessible, expect, signInAs, test } from "./support/fixtures";
import { makeStaff, makeWorldWithHearing } from "./support/world";

// Each test enters costs for the hearing of a conference of its own, with two candidates
// from two states presenting. The amounts' and currencies' rules, the cents arithmetic and
// the audit rows are tests/integration/costs-services.test.ts's.

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
  await form.getByLabel("Currency").fill("CHF");
  await form.getByRole("button", { name: "Add the item" }).click();
  await expect(form.getByText("Enter an amount such as 12500 or 12500.50, with at most two decimals.")).toBeVisible();
  await expect(form.getByLabel("Description")).toHaveValue(description);
  await expectAccessible(page);

  await form.getByLabel("Amount").fill("100.01");
  await form.getByRole("button", { name: "Add the item" }).click();
  await expect(form.getByTestId("form-success")).toHaveText("The cost item was added.");
  await page.reload();
  await expect(page.getByTestId("cost-items")).toContainText(description);
  await expect(page.getByTestId("total-CHF")).toHaveText("Total in CHF: 100.01");

  // Equal shares between the two presenting states, exact to the cent.
  const shares = page.getByTestId("shares-CHF");
  for (const candidate of world.candidates) await expect(shares).toContainText(candidate.memberState.nameEn);
  const amounts = (await shares.locator("tbody tr td:last-child").allTextContents()).map((t) => Math.round(Number.parseFloat(t) * 100));
  expect(amounts.sort((a, b) => a - b)).toEqual([5000, 5001]);

  const csv = await page.request.get(`/api/admin/conferences/${slug}/costs`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(csv.headers()["content-disposition"]).toBe(`attachment; filename="hearing-costs-${slug}.csv"`);
  expect(csv.headers()["cache-control"]).toContain("no-store");
  const body = await csv.text();
  expect(body).toContain(`item,INTERPRETATION,${description},100.01,CHF`);
  expect(body).toContain("total,,,100.01,CHF");
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
