import path from "node:path";
import type { PrismaClient } from "../../lib/db/client";
import { makeCandidate, makeMemberState, makePost, makeUser, unique } from "../support/factories";
import { expectAccessible, expect, signInAs, test } from "./support/fixtures";

// Uploads in the candidate's workspace (photo, brochure) and the files on the public page.
// Each test makes its own candidature in the demo conference.

const fixture = (name: string) => path.resolve("tests/fixtures/hostile", name);

async function formalCandidate(db: PrismaClient) {
  const conference = await db.conference.findUniqueOrThrow({ where: { slug: "pp-18" } });
  const post = await makePost(db, conference.id);
  const state = await makeMemberState(db);
  const candidate = await makeCandidate(db, { conferenceId: conference.id, postId: post.id, memberStateId: state.id, status: "FORMAL" });
  const user = await makeUser(db, "CANDIDATE", { candidateId: candidate.id });
  // A published version makes the profile (and so its photo) public (001, footnote 2).
  await db.candidateProfile.create({ data: { candidateId: candidate.id, locale: "en", vision: "A vision for all.", publishedAt: new Date() } });
  return { candidate, user };
}

test("a formal candidate uploads a photo and a brochure, hostile files are refused, and a visitor sees both", async ({ page, db }) => {
  const { candidate, user } = await formalCandidate(db);
  const title = unique("Programme");
  const brochure = await db.material.create({ data: { candidateId: candidate.id, kind: "BROCHURE", title, language: "en" } });
  await signInAs(page, "en", user);

  await page.goto("/en/my/profile");
  const photoForm = page.getByRole("form", { name: "Upload photograph" });
  await expect(photoForm.getByText("Up to 5 MB. Accepted formats: JPG, PNG, WEBP.")).toBeVisible();
  await photoForm.getByLabel("Photograph file").setInputFiles(fixture("script.svg"));
  await photoForm.getByRole("button", { name: "Upload photograph" }).click();
  await expect(photoForm.getByTestId("form-error")).toContainText("SVG, HTML and XML files are not accepted");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Profile");
  await expect(page.getByRole("form", { name: "Version in English" })).toBeVisible();
  await expectAccessible(page);

  await photoForm.getByLabel("Photograph file").setInputFiles(fixture("gps.jpg"));
  await photoForm.getByRole("button", { name: "Upload photograph" }).click();
  await expect(photoForm.getByTestId("form-success")).toContainText("The photograph has been saved.");
  await expect(page.getByTestId("photo-files").getByRole("img", { name: `Photograph of ${candidate.name}` })).toBeVisible();
  await expectAccessible(page);

  await page.goto("/ar/my/profile");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expectAccessible(page);

  await page.goto(`/en/my/materials/${brochure.id}`);
  const fileForm = page.getByRole("form", { name: "Upload brochure" });
  await fileForm.getByLabel("Brochure file").setInputFiles(fixture("js-openaction.pdf"));
  await fileForm.getByRole("button", { name: "Upload brochure" }).click();
  await expect(fileForm.getByTestId("form-error")).toContainText("The PDF contains scripts");
  await expect(page.getByRole("form", { name: "Publish this material" })).toBeVisible();
  await expectAccessible(page);

  await fileForm.getByLabel("Brochure file").setInputFiles(fixture("clean.pdf"));
  await fileForm.getByRole("button", { name: "Upload brochure" }).click();
  await expect(fileForm.getByTestId("form-success")).toContainText("The brochure file has been attached.");
  await expect(page.getByTestId("brochure-current")).toBeVisible();
  await page.goto(`/ar/my/materials/${brochure.id}`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expectAccessible(page);

  await page.goto(`/en/my/materials/${brochure.id}`);
  const publish = page.getByRole("form", { name: "Publish this material" });
  await publish.getByLabel("This material uses no Union flag, emblem or conference logos.").check();
  await publish.getByLabel("This material was not prepared with Union staff or resources.").check();
  await publish.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("material-state")).toContainText("Published");

  await page.context().clearCookies();
  await page.goto(`/en/candidates/${candidate.id}`);
  const photo = page.getByTestId("candidate-photo");
  await expect(photo).toBeVisible();
  await expect(photo).toHaveAttribute("alt", `Photograph of ${candidate.name}`);
  const src = await photo.getAttribute("src");
  const image = await page.request.get(src ?? "");
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/jpeg");
  const link = page.getByTestId("public-brochure");
  await expect(link).toHaveText(`${title} (PDF, English)`);
  const pdf = await page.request.get((await link.getAttribute("href")) ?? "");
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  await expectAccessible(page);
  await page.goto(`/ar/candidates/${candidate.id}`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByTestId("candidate-photo")).toBeVisible();
  await expectAccessible(page);

  // The post's page shows the same photograph on the candidate's card.
  const post = await db.post.findUniqueOrThrow({ where: { id: candidate.postId } });
  await page.goto(`/en/posts/${post.code}`);
  await expect(page.getByRole("img", { name: `Photograph of ${candidate.name}` })).toHaveAttribute("src", src ?? "");
});

test("the upload forms are keyboard-usable with a visible focus", async ({ page, db }) => {
  const { user } = await formalCandidate(db);
  await signInAs(page, "en", user);
  await page.goto("/en/my/profile");
  const input = page.getByRole("form", { name: "Upload photograph" }).getByLabel("Photograph file");
  await input.focus();
  await expect(input).toBeFocused();
  const outline = await input.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe("none");
});

test("a member gets 403 on the workspace pages that carry the upload forms", async ({ page, db, consoleErrors }) => {
  consoleErrors.allow(/status of 403/);
  const member = await makeUser(db, "MEMBER");
  const { candidate } = await formalCandidate(db);
  const brochure = await db.material.create({ data: { candidateId: candidate.id, kind: "BROCHURE", title: "Draft", language: "en" } });
  await signInAs(page, "en", member);
  for (const target of ["/en/my/profile", `/en/my/materials/${brochure.id}`]) {
    const response = await page.goto(target);
    expect(response?.status(), target).toBe(403);
  }
});
