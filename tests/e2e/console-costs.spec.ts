import { randomBytes } from "node:crypto";
import { request } from "@playwright/test";
import { makeUser } from "../support/factories";
import { expectAccessible, expect, signInAs, test } from "./support/fixtures";

// Adds cost items to the demo PP-18 hearing, each test in a currency of its own (a code
// outside ISO 4217's assigned range, Q..), so that totals do not depend on other runs.
test.describe.configure({ mode: "serial" });

const testCurrency = () => `Q${String.fromCharCode(65 + (randomBytes(1)[0] ?? 0) % 26)}${String.fromCharCode(65 + (randomBytes(1)[0] ?? 0) % 26)}`;

test("the secretariat enters costs, sees each state's share and downloads the CSV", async ({ page, db }) => {
  const currency = testCurrency();
  await db.costItem.deleteMany({ where: { currency } });
  const description = `Interpretation ${randomBytes(3).toString("hex")}`;
  const user = await makeUser(db, "SECRETARIAT");
  await signInAs(page, "en", user);
  await page.goto("/en/admin/costs");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Hearing costs");
  await expectAccessible(page);

  const form = page.getByRole("form", { name: "Add a cost item" });
  await form.getByLabel("Description").fill(description);
  await form.getByLabel("Amount").fill("100.005");
  await form.getByLabel("Currency").fill(currency);
  await form.getByRole("button", { name: "Add the item" }).click();
  await expect(form.getByText("Enter an amount such as 12500 or 12500.50, with at most two decimals.")).toBeVisible();
  await expect(form.getByLabel("Description")).toHaveValue(description);
  await expectAccessible(page);

  await form.getByLabel("Amount").fill("100.01");
  await form.getByRole("button", { name: "Add the item" }).click();
  await expect(form.getByTestId("form-success")).toHaveText("The cost item was added.");
  await page.reload();
  await expect(page.getByTestId("cost-items")).toContainText(description);
  await expect(page.getByTestId(`total-${currency}`)).toHaveText(`Total in ${currency}: 100.01`);

  // Equal shares exact to the cent, adding up to the total.
  const shares = page.getByTestId(`shares-${currency}`).locator("tbody tr td:last-child");
  const amounts = (await shares.allTextContents()).map((t) => Math.round(Number.parseFloat(t) * 100));
  expect(amounts.length).toBeGreaterThan(1);
  expect(amounts.reduce((a, b) => a + b, 0)).toBe(10_001);
  expect(Math.max(...amounts) - Math.min(...amounts)).toBeLessThanOrEqual(1);

  const csv = await page.request.get("/api/admin/costs");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(csv.headers()["content-disposition"]).toBe('attachment; filename="hearing-costs.csv"');
  expect(csv.headers()["cache-control"]).toContain("no-store");
  const body = await csv.text();
  expect(body).toContain(`item,INTERPRETATION,${description},100.01,${currency}`);
  expect(body).toContain(`total,,,100.01,${currency}`);

  const audit = await db.auditEvent.findMany({ where: { actorId: user.id, area: "cost" } });
  expect(audit.map((a) => a.action)).toEqual(["created"]);
});

test("the secretariat removes an item entered by mistake", async ({ page, db }) => {
  const currency = testCurrency();
  const description = `Room ${randomBytes(3).toString("hex")}`;
  const user = await makeUser(db, "SECRETARIAT");
  await signInAs(page, "en", user);
  await page.goto("/en/admin/costs");
  const form = page.getByRole("form", { name: "Add a cost item" });
  await form.getByLabel("Category").selectOption("ROOM");
  await form.getByLabel("Description").fill(description);
  await form.getByLabel("Amount").fill("25");
  await form.getByLabel("Currency").fill(currency);
  await form.getByRole("button", { name: "Add the item" }).click();
  await expect(form.getByTestId("form-success")).toBeVisible();
  await page.reload();
  const remove = page.getByRole("form", { name: `Remove ${description}` });
  await remove.getByRole("button", { name: "Remove" }).click();
  // The row goes with its item: the page re-renders without it.
  await expect(remove).toHaveCount(0);
  await page.reload();
  await expect(page.locator("main")).not.toContainText(description);
  const audit = await db.auditEvent.findMany({ where: { actorId: user.id, area: "cost" }, orderBy: { id: "asc" } });
  expect(audit.map((a) => a.action)).toEqual(["created", "removed"]);
});

test("the costs page reads right to left in Arabic and passes axe", async ({ page, db }) => {
  const user = await makeUser(db, "SECRETARIAT");
  await signInAs(page, "ar", user);
  await page.goto("/ar/admin/costs");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("تكاليف جلسة الاستماع");
  await expectAccessible(page);
});

test("a member gets 403 on the costs page and the CSV; an anonymous visitor gets 401", async ({ page, db, consoleErrors, baseURL }) => {
  consoleErrors.allow(/status of 403/);
  const member = await makeUser(db, "MEMBER");
  await signInAs(page, "en", member);
  const response = await page.goto("/en/admin/costs");
  expect(response?.status()).toBe(403);
  expect((await page.request.get("/api/admin/costs")).status()).toBe(403);

  const anonymous = await request.newContext({ baseURL });
  expect((await anonymous.get("/api/admin/costs")).status()).toBe(401);
  await anonymous.dispose();
});
