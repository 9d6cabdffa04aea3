import type { Page } from "@playwright/test";
import type { PrismaClient } from "../../lib/db/client";
import { expectAccessible, expect, signInAs, signOut, test } from "./support/fixtures";
import { makeStaff, makeWorldCandidate, makeWorldConference, makeWorldPost } from "./support/world";
import { confirmDialog } from "./support/confirm";

// The candidate's workspace in the browser: profile in two languages, material, publication,
// and the secretariat's takedown, each in a conference of the test's own. What the services
// accept and refuse (corporate addresses, declarations, a candidature not yet formal, another
// candidate's material) and what they audit is proven in
// tests/integration/workspace-services.test.ts.

async function candidateAccount(db: PrismaClient) {
  const conference = await makeWorldConference(db);
  const candidate = await makeWorldCandidate(db, await makeWorldPost(db, conference));
  return { conference, candidate, user: candidate.user! };
}

test("a candidate edits the profile in two languages and publishes; visitors see their language or are told which is shown", async ({ page, db }) => {
  // A journey of many pages, each checked by axe: room for a busy machine.
  test.setTimeout(120_000);
  const { candidate, user } = await candidateAccount(db);
  await signInAs(page, user);
  await page.goto("/ar/my");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expectAccessible(page);
  await page.goto("/en/my");
  await expectAccessible(page);
  await page.getByRole("link", { name: "Profile" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Profile");

  const form = page.getByRole("form", { name: "Version in English" });
  await form.getByLabel("Public campaign contact address").fill("me@itu.int");
  await form.getByLabel("Vision statement", { exact: true }).fill("### Priorities\n- **Connect** everyone");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByTestId("form-error")).toContainText("Use a private address");
  await expect(form.getByLabel("Vision statement", { exact: true })).toHaveValue("### Priorities\n- **Connect** everyone");
  await expectAccessible(page);

  await form.getByLabel("Public campaign contact address").fill("campaign@example.org");
  await form.getByLabel("Format of the vision statement").selectOption("MARKDOWN");
  await form.getByLabel("Campaign website").fill("https://example.org/campaign");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByTestId("form-success")).toBeVisible();
  await declareAndPublish(page);
  await expect(page.getByTestId("version-state")).toHaveText("This version is published.");

  await page.goto("/en/my/profile?version=fr");
  const fr = page.getByRole("form", { name: "Version in French" });
  await fr.getByLabel("Vision statement", { exact: true }).fill("Une vision en français.");
  await fr.getByRole("button", { name: "Save" }).click();
  await expect(fr.getByTestId("form-success")).toBeVisible();
  await declareAndPublish(page);
  await expect(page.getByTestId("version-state")).toHaveText("This version is published.");

  await page.goto("/ar/my/profile");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expectAccessible(page);

  // A visitor reading French sees French; a reader of Spanish is told English is shown.
  await signOut(page);
  await page.goto(`/fr/candidates/${candidate.id}`);
  await expect(page.getByText("Une vision en français.")).toBeVisible();
  await page.goto(`/es/candidates/${candidate.id}`);
  await expect(page.getByRole("heading", { level: 3, name: "Priorities" })).toBeVisible();
  await expect(page.getByRole("strong").getByText("Connect")).toBeVisible();
  await expect(page.getByRole("link", { name: "campaign@example.org" })).toBeVisible();
  await expect(page.getByText("inglés")).toBeVisible();
  await expectAccessible(page);
});

test("a published statement appears publicly, its HTML shown as text; the secretariat takes it down and the candidate sees why", async ({ page, db }) => {
  // A journey of many pages, each checked by axe: room for a busy machine.
  test.setTimeout(120_000);
  const { conference, candidate, user } = await candidateAccount(db);
  const title = `My programme ${candidate.id.slice(-8)}`;
  await signInAs(page, user);
  await page.goto("/en/my/materials");
  await expectAccessible(page);
  const create = page.getByRole("form", { name: "Add material" });
  await create.getByLabel("Title").fill(title);
  await create.getByLabel("Text of the statement").fill("Connect **everyone**.\n\n<script>alert(1)</script>");
  await create.getByRole("button", { name: "Create" }).click();
  await page.waitForURL(/\/en\/my\/materials\/[a-z0-9]+$/);
  await expect(page.getByRole("link", { name: "Ask the Ethics Office to review this draft" })).toBeVisible();
  await expectAccessible(page);

  const publish = page.getByRole("form", { name: "Publish this material" });
  await publish.getByLabel("This material uses no Union flag, emblem or conference logos.").check();
  await publish.getByLabel("This material was not prepared with Union staff or resources.").check();
  await publish.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("material-state")).toContainText("Published");
  const statementUrl = page.url();

  await page.goto("/ar/my/materials");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expectAccessible(page);

  await signOut(page);
  await page.goto(`/en/candidates/${candidate.id}`);
  const material = page.getByRole("region", { name: "Campaign material" });
  await expect(material.getByRole("heading", { name: title })).toBeVisible();
  await expect(material.getByText("<script>alert(1)</script>")).toBeVisible();

  // The conference's own takedown page lists this statement only.
  await signInAs(page, await makeStaff(db, "SECRETARIAT"));
  await page.goto(`/en/admin/conferences/${conference.slug}/materials`);
  await expectAccessible(page);
  const takedown = page.getByRole("form", { name: `Take down “${title}”` });
  await takedown.getByLabel("Reason").fill("The brochure shows the Union emblem.");
  await takedown.getByRole("button", { name: "Take down" }).click();
  await confirmDialog(page);
  // Taken down, the item leaves the list of published material (and its form with it).
  await expect(takedown).toHaveCount(0);
  await page.goto(`/ar/admin/conferences/${conference.slug}/materials`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expectAccessible(page);

  await signInAs(page, user);
  await page.goto(statementUrl);
  await expect(page.getByTestId("takedown-reason")).toContainText("The brochure shows the Union emblem.");
  await expectAccessible(page);
});

test("the workspace and takedown pages answer 403 to a member, and another candidate's material is not found", async ({ page, db }) => {
  const owner = await candidateAccount(db);
  const other = await candidateAccount(db);
  const statement = await db.material.create({
    data: { candidateId: owner.candidate.id, kind: "STATEMENT", title: "Secret draft", language: "en", body: "x" },
  });
  const brochure = await db.material.create({ data: { candidateId: owner.candidate.id, kind: "BROCHURE", title: "Secret brochure", language: "en" } });
  // Status and body only: what the pages show is the browser's concern in the tests above.
  const status = async (path: string) => {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(await response.text(), path).not.toMatch(/Secret (draft|brochure)/);
    return response.status();
  };
  await signInAs(page, await makeStaff(db, "MEMBER"));
  const pages = ["/en/my/profile", "/en/my/materials", `/en/my/materials/${brochure.id}`, `/en/admin/conferences/${owner.conference.slug}/materials`];
  for (const path of pages) expect(await status(path), path).toBe(403);
  await signInAs(page, other.user);
  for (const material of [statement, brochure]) expect(await status(`/en/my/materials/${material.id}`)).toBe(404);
});

/** Publishes the version on screen, with both declarations of 001 A (docs/domain.md#campaign-material). */
async function declareAndPublish(page: Page) {
  const publication = page.getByRole("form", { name: "Publication of this version" });
  await publication.getByLabel(/uses no Union flag/).check();
  await publication.getByLabel(/not prepared with Union staff/).check();
  await publication.getByRole("button", { name: "Publish this version" }).click();
}

test("a candidate splits the equal slot in their workspace, in English and Arabic (docs/fairness.md#finer-clocks)", async ({ page, db }) => {
  test.setTimeout(60_000);
  const { conference, candidate, user } = await candidateAccount(db);
  await db.hearing.create({
    data: {
      conferenceId: conference.id,
      startsAt: new Date(Date.now() + 86_400_000),
      presentationMinutes: 15,
      qaMinutes: 15,
      questionLimitSeconds: 60,
      answerLimitSeconds: 180,
      splitAllowed: true,
      minPresentationMinutes: 5,
      minQaMinutes: 10,
      slots: { create: [{ candidateId: candidate.id }] },
    },
  });
  await signInAs(page, user);
  await page.goto("/en/my/hearing");
  const form = page.getByRole("form", { name: "My hearing slot" });
  await form.getByLabel("Minutes of presentation").fill("25");
  await form.getByRole("button", { name: "Save my split" }).click();
  await expect(form.getByTestId("form-error")).toContainText("Choose between 5 and 20 minutes of presentation.");
  await form.getByLabel("Minutes of presentation").fill("10");
  await form.getByRole("button", { name: "Save my split" }).click();
  await expect(form.getByTestId("form-success")).toContainText("The split was saved.");
  await page.reload();
  await expect(page.getByTestId("split-current")).toContainText("presentation 10 min, questions 20 min");
  await expectAccessible(page);
  await page.goto("/ar/my/hearing");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expectAccessible(page);
});
