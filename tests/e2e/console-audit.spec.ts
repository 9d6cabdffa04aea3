import type { PrismaClient } from "../../lib/db/client";
import { unique } from "../support/factories";
import { expectAccessible, expect, signInAs, test } from "./support/fixtures";
import { makeStaff } from "./support/world";

// The log spans conferences; its days are read in the current conference's zone (UTC when
// none is current). No test chooses the current conference, so the events sit at midday UTC,
// on the same day in any zone a conference is likely to have; the zone's arithmetic itself is
// tests/integration/audit-log.test.ts's ("filter by whole days in the conference's zone").

/** A secretariat officer with a few events of their own, on 27, 29 and 31 October 2018. */
async function officerWithEvents(db: PrismaClient) {
  const officer = await makeStaff(db, "SECRETARIAT");
  const record = unique("record");
  const events = [
    { at: "2018-10-27T11:00:00Z", area: "post", action: "retired", after: { code: "BR" } },
    { at: "2018-10-29T09:00:00Z", area: "post", action: "created", after: { code: "SG" } },
    {
      at: "2018-10-29T11:00:00Z",
      area: "cost",
      action: "updated",
      before: { amount: "100.00" },
      after: { amount: "250.00", note: "<script>alert('x')</script>" },
    },
    { at: "2018-10-31T11:00:00Z", area: "user", action: "disabled", entity: "=cmd|' /C calc'!A0", after: { name: '=HYPERLINK("http://evil.example")' } },
  ];
  for (const e of events) {
    await db.auditEvent.create({
      data: {
        at: new Date(e.at),
        actorId: officer.id,
        actorRole: "SECRETARIAT",
        area: e.area,
        action: e.action,
        entity: e.entity ?? "Test",
        entityId: record,
        before: e.before,
        after: e.after,
      },
    });
  }
  return { officer, record };
}

test("the secretariat filters the log by who, area and day", async ({ page, db }) => {
  const { officer, record } = await officerWithEvents(db);
  await signInAs(page, officer);
  await page.goto("/en/admin/audit");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Audit log");
  await expectAccessible(page);

  const filters = page.getByRole("form", { name: "Filter the log" });
  await filters.getByLabel("Who").selectOption(officer.id);
  await filters.getByLabel("From (day)").fill("2018-10-29");
  await filters.getByLabel("To (day)").fill("2018-10-29");
  await filters.getByRole("button", { name: "Apply the filters" }).click();
  await expect(page).toHaveURL(/from=2018-10-29/);
  const rows = page.getByTestId("audit-table").locator(":scope > tbody > tr");
  // Newest first.
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("Costs");
  await expect(rows.nth(0)).toContainText(record);
  await expect(rows.nth(1)).toContainText("Posts");
  // The field-by-field diff, with the markup shown as text, not run.
  await expect(rows.nth(0)).toContainText("100.00");
  await expect(rows.nth(0)).toContainText("<script>alert('x')</script>");
  await expectAccessible(page);

  await filters.getByLabel("Area").selectOption("user");
  await filters.getByLabel("To (day)").fill("2018-10-31");
  await filters.getByRole("button", { name: "Apply the filters" }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.nth(0)).toContainText("disabled");

  // A last day before the first is explained, not failed on.
  await page.goto(`/en/admin/audit?from=2018-10-30&to=2018-10-29`);
  await expect(page.getByTestId("filter-error")).toContainText("The last day cannot be before the first day.");
});

test("the CSV export has the page's filters, safe headers and neutralised formulas", async ({ page, db }) => {
  const { officer, record } = await officerWithEvents(db);
  await signInAs(page, officer);
  await page.goto(`/en/admin/audit?actor=${officer.id}&area=user`);
  const downloading = page.waitForEvent("download");
  await page.getByTestId("audit-csv").click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);

  const response = await page.request.get(`/api/admin/audit?actor=${officer.id}&area=user`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="audit-log-\d{4}-\d{2}-\d{2}\.csv"$/);
  expect(response.headers()["cache-control"]).toBe("no-store");
  const lines = (await response.text())
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  expect(lines[0]).toBe("id,at_utc,at_local,time_zone,actor_id,actor_name,actor_role,area,action,entity,entity_id,before,after");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toMatch(new RegExp(`^\\d+,2018-10-31T11:00:00\\.000Z,2018-10-31T\\d\\d:\\d\\d,[^,]+,${officer.id},`));
  // A cell a spreadsheet would run as a formula starts with a quote.
  expect(lines[1]).toContain(`,SECRETARIAT,user,disabled,'=cmd|' /C calc'!A0,${record},`);
  expect(lines[1]).toContain('"{""name"":""=HYPERLINK(\\""http://evil.example\\"")""}"');
});

test("the audit page works in Arabic, right to left, and by keyboard", async ({ page, db }) => {
  const { officer } = await officerWithEvents(db);
  await signInAs(page, officer);
  await page.goto(`/ar/admin/audit?actor=${officer.id}`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("سجل المراجعة");
  await expect(page.getByTestId("audit-table").locator(":scope > tbody > tr")).toHaveCount(4);
  await expectAccessible(page);
  await page.getByRole("form", { name: "تصفية السجل" }).getByLabel("المنفِّذ").focus();
  await page.keyboard.press("Tab");
  await expect(page.locator(":focus")).toHaveAttribute("name", "area");
});

test("a member gets 403 on the page and the CSV; an anonymous visitor gets 401 from the CSV", async ({ page, db, playwright, baseURL, consoleErrors }) => {
  consoleErrors.allow(/status of 403/);
  await signInAs(page, await makeStaff(db, "MEMBER"));
  const response = await page.goto("/en/admin/audit");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Access refused");
  const csv = await page.request.get("/api/admin/audit");
  expect(csv.status()).toBe(403);
  expect(await csv.text()).not.toContain("actor_id");

  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.get("/api/admin/audit")).status()).toBe(401);
  await anonymous.dispose();
});
