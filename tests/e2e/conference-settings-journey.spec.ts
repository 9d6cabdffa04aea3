import { randomInt } from "node:crypto";
import { makeMemberState, unique } from "../support/factories";
import { expectAccessible, expect, signInAs, test } from "./support/fixtures";
import { aWeekAgoInput, makeStaff, makeWorldConference, makeWorldPost, makeWorldWithHearing } from "./support/world";
import { confirmDialog } from "./support/confirm";

// The secretariat's journey through one conference's console, as a person would go: register
// a candidature, make it formal, bring the hearing's presenters up to date, be refused a
// chair from a presenting administration (¶8), keep an impartial one, draw the running order,
// enter a cost and see the new state's equal share. The conference is the test's own: one
// candidate presents already, chaired impartially; no seed is committed yet.
test("the secretariat registers and formalises a candidature, sets up the hearing, and sees the cost shares", async ({ page, db }) => {
  // A journey of many pages and saves: three times the usual time on a busy machine.
  test.slow();
  const world = await makeWorldWithHearing(db, { posts: 1 });
  const slug = world.conference.slug;
  const post = world.posts[0];
  if (!post) throw new Error("the world has a post");
  const state = await makeMemberState(db);
  const partialChair = await makeStaff(db, "CHAIR", { memberStateId: state.id });
  const name = unique("Journey Candidate");
  await signInAs(page, world.secretariat);

  // Register the candidature, announced.
  await page.goto(`/en/admin/conferences/${slug}/candidates`);
  const register = page.getByRole("form", { name: "Register a candidature" });
  await register.getByLabel("Candidate's name").fill(name);
  await register.getByLabel("Post").selectOption({ label: `${post.name} (${post.code})` });
  await register.getByLabel("Nominating Member State").selectOption({ label: state.nameEn });
  await register.getByRole("button", { name: "Register" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByTestId("candidate-status")).toHaveText("Announced");

  // Formalise it, received last week (the deadline is in 2030).
  const status = page.getByRole("form", { name: "Change the status" });
  await status.getByLabel("New status").selectOption("FORMAL");
  await status.getByLabel("Date and time of formal receipt (Geneva time)").fill(aWeekAgoInput());
  await status.getByRole("button", { name: "Change the status" }).click();
  await confirmDialog(page);
  await expect(status.getByTestId("form-success")).toContainText("The status is now: Formal.");

  // The hearing: the new candidate presents, so a chair from their administration is refused under ¶8.
  await page.goto(`/en/admin/conferences/${slug}/hearing`);
  const refresh = page.getByRole("form", { name: "Update the presenters" });
  await refresh.getByRole("button", { name: "Update the presenters" }).click();
  await expect(refresh.getByTestId("form-success")).toContainText("The presenters were updated");
  await page.reload();
  await expect(page.getByText(name).first()).toBeVisible();

  const setUp = page.getByRole("form", { name: "Set-up of the hearing" });
  await setUp.getByLabel("Chair").selectOption({ label: `${partialChair.name} · ${state.iso3}` });
  await setUp.getByRole("button", { name: "Save" }).click();
  await expect(setUp.getByTestId("form-error")).toHaveText(
    "Refused under ¶8 of the Council study: a member of an administration presenting a candidate at this hearing may not chair it.",
  );
  await setUp.getByLabel("Chair").selectOption(world.chair.id);
  await setUp.getByRole("button", { name: "Save" }).click();
  await expect(setUp.getByTestId("form-success")).toHaveText("The hearing was saved.");
  await expectAccessible(page);

  // The seed's hash is published before the draw.
  await page.getByRole("form", { name: "Commit the seed" }).getByRole("button", { name: "Commit a seed and publish its hash" }).click();
  await confirmDialog(page);
  await expect(page.getByTestId("seed-hash")).toHaveText(/^[0-9a-f]{64}$/);
  const hash = (await page.getByTestId("seed-hash").textContent()) ?? "";
  const draw = page.getByRole("form", { name: "Draw the running order" });
  await draw.getByLabel("Digits of the dice rolled in the room").fill("3 1 4 1 5 9");
  await draw.getByRole("button", { name: "Draw the running order" }).click();
  // Drawn once per commitment: the form gives way to the draw, with the digits that made it.
  await expect(page.getByTestId("draws")).toContainText("314159");
  await expect(draw).toHaveCount(0);

  // The conference's public page publishes the commitment and the drawn order.
  await page.goto(`/en/conferences/${slug}`);
  await expect(page.getByTestId("public-seed-hash")).toHaveText(hash);
  await expect(page.getByTestId("public-running-order")).toContainText(name);

  // Costs: the new candidate's state now owes an equal share.
  await page.goto(`/en/admin/conferences/${slug}/costs`);
  const add = page.getByRole("form", { name: "Add a cost item" });
  await add.getByLabel("Category").selectOption("INTERPRETATION");
  await add.getByLabel("Description").fill(unique("Interpretation, six languages"));
  await add.getByLabel("Amount").fill("12500.01");
  await add.getByLabel("Currency").fill("CHF");
  await add.getByRole("button", { name: "Add the item" }).click();
  await expect(add.getByTestId("form-success")).toHaveText("The cost item was added.");
  await page.reload();
  const shares = page.getByTestId("shares-CHF");
  await expect(shares).toContainText(state.nameEn);
  const cents = (await shares.locator("tbody tr td:last-child").allTextContents()).map((t) => Number(t.replace(/\D/g, ""))); // "CHF 6,250.01" → 625001 (two minor digits)
  expect(cents.sort((a, b) => a - b)).toEqual([625_000, 625_001]);
  await expectAccessible(page);

  // Every step is in the audit log, by this user.
  const actions = await db.auditEvent.findMany({ where: { actorId: world.secretariat.id }, orderBy: { id: "asc" }, select: { area: true } });
  expect(actions.map((a) => a.area)).toEqual(expect.arrayContaining(["candidate", "hearing", "cost"]));
});

// A conference is data (docs/decisions/012): the secretariat opens the next one from the
// console, copying the posts of the test's own earlier conference. Its dates are far in the
// future, in a year of its own before 3000, so that they overlap no other test's conference
// (world conferences sit in 2030 or after 3000). It is never made current: that would change
// the unprefixed pages other specs may read.
test("the secretariat creates a conference with an earlier one's posts; the console and the public archive list it", async ({ page, db }) => {
  // A journey of many pages and saves: three times the usual time on a busy machine.
  test.slow();
  const earlier = await makeWorldConference(db);
  const posts = [await makeWorldPost(db, earlier, { sortOrder: 0 }), await makeWorldPost(db, earlier, { sortOrder: 1 })];
  const year = 2100 + randomInt(900);
  const month = String(1 + randomInt(12)).padStart(2, "0");
  const slug = unique("pp");
  const name = unique("Plenipotentiary");
  await signInAs(page, await makeStaff(db, "SECRETARIAT"));

  await page.goto("/en/admin");
  await page.getByRole("link", { name: "Create a conference" }).click();
  await expect(page).toHaveURL(/\/en\/admin\/conferences\/new$/);
  await expectAccessible(page);
  const form = page.getByRole("form", { name: "Create a conference" });
  await form.getByLabel("Address name").fill(slug);
  await form.getByRole("textbox", { name: "Name", exact: true }).fill(name);
  await form.getByLabel("City").fill("Doha");
  await form.getByLabel("First day").fill(`${year}-${month}-20`);
  await form.getByLabel("Last day").fill(`${year}-${month}-03`);
  await form.getByLabel("Time zone").selectOption("Asia/Qatar");
  await form.getByLabel("Copy the posts of").selectOption(earlier.id);

  // Inverted dates: the field's message, translated, and nothing typed is lost.
  await form.getByRole("button", { name: "Create the conference" }).click();
  await expect(form.getByText("The last day cannot be before the first day.")).toBeVisible();
  await expect(form.getByLabel("Address name")).toHaveValue(slug);
  await expect(form.getByRole("textbox", { name: "Name", exact: true })).toHaveValue(name);
  await expect(form.getByLabel("City")).toHaveValue("Doha");
  await expect(form.getByLabel("First day")).toHaveValue(`${year}-${month}-20`);
  await expect(form.getByLabel("Last day")).toHaveValue(`${year}-${month}-03`);
  expect(await db.conference.count({ where: { slug } })).toBe(0);
  await expectAccessible(page);

  await form.getByLabel("First day").fill(`${year}-${month}-03`);
  await form.getByLabel("Last day").fill(`${year}-${month}-20`);
  await form.getByLabel("Time zone").selectOption("Asia/Qatar");
  await form.getByLabel("Copy the posts of").selectOption(earlier.id);
  await form.getByRole("button", { name: "Create the conference" }).click();

  // Its settings page, at its own address; the earlier conference's posts are its own now.
  await expect(page).toHaveURL(new RegExp(`/en/admin/conferences/${slug}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Conference and deadlines");
  await expect(page.getByRole("form", { name: "The conference" }).getByRole("textbox", { name: "Name", exact: true })).toHaveValue(name);
  const created = await db.conference.findUniqueOrThrow({ where: { slug }, include: { posts: { orderBy: { sortOrder: "asc" } } } });
  expect(created).toMatchObject({ isCurrent: false, closedAt: null, city: "Doha", timeZone: "Asia/Qatar" });
  expect(created.posts.map((p) => p.code)).toEqual(posts.map((p) => p.code));

  // The console's list of conferences leads to it.
  await page.goto("/en/admin");
  const row = page.getByTestId(`conference-${slug}`);
  await expect(row).toContainText(name);
  await expect(row.getByRole("link", { name })).toHaveAttribute("href", `/en/admin/conferences/${slug}`);

  // The public archive lists it, with a link to its page, which lists the copied posts.
  for (const locale of ["ar", "en"] as const) {
    await page.goto(`/${locale}/conferences`);
    await expect(page.getByTestId("conference-archive").getByRole("link", { name })).toHaveAttribute("href", `/${locale}/conferences/${slug}`);
    await expectAccessible(page);
  }
  await page.getByTestId("conference-archive").getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(name);
  await page.goto(`/en/conferences/${slug}/posts`);
  for (const post of posts) await expect(page.locator("main")).toContainText(post.name);

  await page.goto("/ar/admin/conferences/new");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expectAccessible(page);
});
