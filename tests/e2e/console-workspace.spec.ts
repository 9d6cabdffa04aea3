import type { PrismaClient } from "../../lib/db/client";
import { makeCandidate, makeMemberState, makePost, makeUser } from "../support/factories";
import { expectAccessible, expect, signInAs, test } from "./support/fixtures";

// The candidate's workspace: profile in two languages, material, declarations, publication,
// and the secretariat's takedown. Each test makes its own candidature in the demo conference.

async function candidateAccount(db: PrismaClient, status: "ANNOUNCED" | "FORMAL" = "FORMAL") {
  const conference = await db.conference.findUniqueOrThrow({ where: { slug: "pp-18" } });
  const post = await makePost(db, conference.id);
  const state = await makeMemberState(db);
  const candidate = await makeCandidate(db, { conferenceId: conference.id, postId: post.id, memberStateId: state.id, status });
  const user = await makeUser(db, "CANDIDATE", { candidateId: candidate.id });
  return { candidate, user };
}

test("a candidate edits the profile in two languages and publishes; visitors see their language or are told which is shown", async ({ page, db }) => {
  const { candidate, user } = await candidateAccount(db);
  await signInAs(page, "en", user);
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
  await page.getByRole("button", { name: "Publish this version" }).click();
  await expect(page.getByTestId("version-state")).toHaveText("This version is published.");

  await page.goto("/en/my/profile?version=fr");
  const fr = page.getByRole("form", { name: "Version in French" });
  await fr.getByLabel("Vision statement", { exact: true }).fill("Une vision en français.");
  await fr.getByRole("button", { name: "Save" }).click();
  await expect(fr.getByTestId("form-success")).toBeVisible();
  await page.getByRole("button", { name: "Publish this version" }).click();
  await expect(page.getByTestId("version-state")).toHaveText("This version is published.");

  await page.goto("/ar/my/profile");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expectAccessible(page);

  // A visitor reading French sees French; a reader of Spanish is told English is shown.
  await page.context().clearCookies();
  await page.goto(`/fr/candidates/${candidate.id}`);
  await expect(page.getByText("Une vision en français.")).toBeVisible();
  await page.goto(`/es/candidates/${candidate.id}`);
  await expect(page.getByRole("heading", { level: 3, name: "Priorities" })).toBeVisible();
  await expect(page.getByRole("strong").getByText("Connect")).toBeVisible();
  await expect(page.getByRole("link", { name: "campaign@example.org" })).toBeVisible();
  await expect(page.getByText("inglés")).toBeVisible();
  await expectAccessible(page);
});

test("material needs both declarations; a published statement appears publicly, its HTML shown as text; the secretariat takes one down and the candidate sees why", async ({ page, db }) => {
  const { candidate, user } = await candidateAccount(db);
  // Unique, so that the secretariat's list (shared with other specs) has exactly one such row.
  const title = `My programme ${candidate.id.slice(-8)}`;
  await signInAs(page, "en", user);
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
  await publish.getByRole("button", { name: "Publish" }).click();
  await expect(publish.getByTestId("form-error")).toContainText("Both declarations");
  await publish.getByLabel("This material uses no Union flag, emblem or conference logos.").check();
  await publish.getByLabel("This material was not prepared with Union staff or resources.").check();
  await publish.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("material-state")).toContainText("Published");
  const statementUrl = page.url();

  await page.goto("/ar/my/materials");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expectAccessible(page);

  await page.context().clearCookies();
  await page.goto(`/en/candidates/${candidate.id}`);
  const material = page.getByRole("region", { name: "Campaign material" });
  await expect(material.getByRole("heading", { name: title })).toBeVisible();
  await expect(material.getByText("<script>alert(1)</script>")).toBeVisible();

  const secretariat = await makeUser(db, "SECRETARIAT");
  await signInAs(page, "en", secretariat);
  await page.goto("/en/admin/materials");
  await expectAccessible(page);
  const takedown = page.getByRole("form", { name: `Take down “${title}”` });
  await takedown.getByLabel("Reason").fill("The brochure shows the Union emblem.");
  await takedown.getByRole("button", { name: "Take down" }).click();
  // Taken down, the item leaves the list of published material (and its form with it).
  await expect(takedown).toHaveCount(0);
  await page.goto("/ar/admin/materials");
  await expectAccessible(page);

  await page.context().clearCookies();
  await signInAs(page, "en", user);
  await page.goto(statementUrl);
  await expect(page.getByTestId("takedown-reason")).toContainText("The brochure shows the Union emblem.");
  await expectAccessible(page);
  const audit = await db.auditEvent.findMany({ where: { area: "material", actorId: secretariat.id } });
  expect(audit.map((a) => a.action)).toEqual(["taken-down"]);
});

test("a candidate whose candidature is not yet formal cannot publish", async ({ page, db }) => {
  const { candidate, user } = await candidateAccount(db, "ANNOUNCED");
  const draft = await db.material.create({ data: { candidateId: candidate.id, kind: "LINK", title: "Early link", language: "en", url: "https://example.org" } });
  await signInAs(page, "en", user);
  await page.goto(`/en/my/materials/${draft.id}`);
  const publish = page.getByRole("form", { name: "Publish this material" });
  await publish.getByLabel("This material uses no Union flag, emblem or conference logos.").check();
  await publish.getByLabel("This material was not prepared with Union staff or resources.").check();
  await publish.getByRole("button", { name: "Publish" }).click();
  await expect(publish.getByTestId("form-error")).toContainText("formally received");
  await expect(page.getByTestId("material-state")).toContainText("Draft");
});

test("another role gets 403 on the workspace and the takedown page; a candidate cannot open another's material", async ({ page, db, consoleErrors }) => {
  consoleErrors.allow(/status of 40[34]/);
  const member = await makeUser(db, "MEMBER");
  await signInAs(page, "en", member);
  for (const path of ["/en/my/profile", "/en/my/materials", "/en/admin/materials"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
  const owner = await candidateAccount(db);
  const other = await candidateAccount(db);
  const draft = await db.material.create({ data: { candidateId: owner.candidate.id, kind: "STATEMENT", title: "Secret draft", language: "en", body: "x" } });
  await page.context().clearCookies();
  await signInAs(page, "en", other.user);
  const response = await page.goto(`/en/my/materials/${draft.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByText("Secret draft")).toHaveCount(0);
});
