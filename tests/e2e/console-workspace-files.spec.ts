import path from "node:path";
import type { PrismaClient } from "../../lib/db/client";
import { unique } from "../support/factories";
import { expectAccessible, expect, signInAs, signOut, test } from "./support/fixtures";
import { makeWorldCandidate, makeWorldConference, makeWorldPost } from "./support/world";

// Uploads in the candidate's workspace in the browser: the photo and brochure forms, their
// refusals shown in place, the photo on the public pages. Which files are refused and why is
// proven in tests/integration/workspace-files.test.ts and uploads-store.test.ts; the
// brochure's way to the public page is in workspace-journey.spec.ts.

const fixture = (name: string) => path.resolve("tests/fixtures/hostile", name);

/** A formal candidature with a published profile: its photo is public once uploaded (001, footnote 2). */
async function formalCandidate(db: PrismaClient) {
  const conference = await makeWorldConference(db);
  const post = await makeWorldPost(db, conference);
  const candidate = await makeWorldCandidate(db, post, { vision: "A vision for all." });
  return { conference, post, candidate, user: candidate.user! };
}

test("a formal candidate uploads a photo and tries a hostile brochure; refusals show in place, and visitors see the photo", async ({ page, db }) => {
  // A journey of many pages, each checked by axe: room for a busy machine.
  test.setTimeout(120_000);
  const { conference, post, candidate, user } = await formalCandidate(db);
  const brochure = await db.material.create({ data: { candidateId: candidate.id, kind: "BROCHURE", title: unique("Programme"), language: "en" } });
  await signInAs(page, user);

  await page.goto("/en/my/profile");
  const photoForm = page.getByRole("form", { name: "Upload photograph" });
  await expect(photoForm.getByText("Up to 5 MB. Accepted formats: JPG, PNG, WEBP.")).toBeVisible();
  // Keyboard: the file input takes focus, visibly.
  const input = photoForm.getByLabel("Photograph file");
  await input.focus();
  await expect(input).toBeFocused();
  expect(await input.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe("none");

  // 001 A: each photo comes with both declarations; the file is then checked for what it is.
  const declare = async () => {
    await photoForm.getByLabel(/uses no Union flag/).check();
    await photoForm.getByLabel(/not prepared with Union staff/).check();
  };
  await input.setInputFiles(fixture("script.svg"));
  await declare();
  await photoForm.getByRole("button", { name: "Upload photograph" }).click();
  await expect(photoForm.getByTestId("form-error")).toContainText("SVG, HTML and XML files are not accepted");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Profile");
  await expect(page.getByRole("form", { name: "Version in English" })).toBeVisible();
  await expectAccessible(page);

  await input.setInputFiles(fixture("gps.jpg"));
  await declare();
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
  await page.goto(`/ar/my/materials/${brochure.id}`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expectAccessible(page);

  await signOut(page);
  await page.goto(`/en/candidates/${candidate.id}`);
  const photo = page.getByTestId("candidate-photo");
  await expect(photo).toBeVisible();
  await expect(photo).toHaveAttribute("alt", `Photograph of ${candidate.name}`);
  // A resized copy, not the upload (docs/decisions/032-photo-derivatives.md), which the browser decodes.
  const src = (await photo.getAttribute("src")) ?? "";
  expect(src).toMatch(/^\/api\/files\/[a-f0-9]{32}\.jpg\?w=128$/);
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  const image = await page.request.get(src);
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/webp");
  await expectAccessible(page);
  await page.goto(`/ar/candidates/${candidate.id}`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByTestId("candidate-photo")).toBeVisible();
  await expectAccessible(page);

  // The conference's page of the post shows the same photograph on the candidate's card.
  await page.goto(`/en/conferences/${conference.slug}/posts/${post.code}`);
  await expect(page.getByRole("img", { name: `Photograph of ${candidate.name}` })).toHaveAttribute("src", src);
});
