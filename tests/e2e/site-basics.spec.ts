import { expectAccessible, expect, signInAs, test } from "./support/fixtures";
import { makeStaff, makeWorld, makeWorldHearing } from "./support/world";

// The site's basics around every page: the header says who is signed in (asked of
// /api/session by the browser, so cached public pages stay the same for everyone:
// docs/cache.md, "The header"), links to their area and signs out; /sign-in sends a
// signed-in user to their area; the hearing's calendar file.

test("the header shows a signed-in member, their area and sign-out, on a cached public page, in English and Arabic", async ({ page, db }) => {
  const member = await makeStaff(db, "MEMBER");
  await page.goto("/en/posts");
  await expect(page.getByTestId("header-sign-in")).toBeVisible();

  await signInAs(page, member);
  await page.goto("/en/posts");
  await expect(page.getByTestId("header-user")).toHaveText(`Signed in as ${member.name}`);
  await expect(page.getByTestId("header-sign-in")).toHaveCount(0);
  await expect(page.getByTestId("header-area")).toHaveAttribute("href", "/en/member");
  // Reachable with the keyboard, with a visible focus ring.
  const signOut = page.getByTestId("header-sign-out");
  for (let i = 0; i < 30 && !(await signOut.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(signOut).toBeFocused();
  expect(await signOut.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe("none");
  await expectAccessible(page);

  await page.goto("/ar/posts");
  await expect(page.getByTestId("header-area")).toHaveAttribute("href", "/ar/member");
  await expectAccessible(page);

  await page.getByTestId("header-area").click();
  await expect(page).toHaveURL(/\/ar\/member$/);
  await expectAccessible(page);

  await page.getByTestId("header-sign-out").click();
  await expect(page).toHaveURL(/\/ar$/);
  await expect(page.getByTestId("header-sign-in")).toBeVisible();
  await page.goto("/en/member");
  await expect(page).toHaveURL(/\/en\/sign-in\?next=/);
});

test("/sign-in sends a signed-in user to their area", async ({ page, db }) => {
  const chair = await makeStaff(db, "CHAIR");
  await signInAs(page, chair);
  await page.goto("/en/sign-in");
  await expect(page).toHaveURL(/\/en\/chair$/);
  const response = await page.request.get("/fr/sign-in", { maxRedirects: 0 });
  expect(response.status()).toBeGreaterThanOrEqual(300);
  expect(response.status()).toBeLessThan(400);
  expect(response.headers().location).toMatch(/\/fr\/chair$/);
});

// The members' area of a new member, its heading, its hearing and axe in English and Arabic,
// is auth.spec.ts's member test (the same page in the same state); here, only the calendar.
test("the hearing's calendar file downloads as one VEVENT", async ({ context, db }) => {
  // No page: the member's session is on the context, whose requests carry it.
  const member = await makeStaff(db, "MEMBER");
  await signInAs(context, member);

  const world = await makeWorld(db, { posts: 1 });
  const hearing = await makeWorldHearing(db, world.conference, { candidates: world.candidates, venue: "Hall A, Geneva" });
  const response = await context.request.get(`/api/hearings/${hearing.id}/calendar.ics?locale=fr`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(response.headers()["content-disposition"]).toBe(`attachment; filename="hearing-${hearing.id}.ics"`);
  const ics = await response.text();
  expect(ics.split("\r\n").filter((l) => l === "BEGIN:VEVENT")).toHaveLength(1);
  expect(ics).toContain(`\r\nUID:hearing-${hearing.id}@`);
  expect(ics).toContain(
    `\r\nDTSTART:${hearing.startsAt
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d{3}/, "")}\r\n`,
  );
  expect(ics).toMatch(/\r\nDTEND:\d{8}T\d{6}Z\r\n/);
  expect(ics).toContain("\r\nSUMMARY:Audition des candidats\\, ");
  expect(ics).toContain("\r\nLOCATION:Hall A\\, Geneva\r\n");
  expect(ics).toContain(`/fr/hearing/${hearing.id}`);

  expect((await context.request.get("/api/hearings/no-such-hearing/calendar.ics")).status()).toBe(404);
});
