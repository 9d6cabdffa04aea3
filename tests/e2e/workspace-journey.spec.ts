import path from "node:path";
import type { Page } from "@playwright/test";
import { unique } from "../support/factories";
import { expect, expectAccessible, signInAs, signOut, test } from "./support/fixtures";
import { makeStaff, makeWorldCandidate, makeWorldConference, makeWorldPost } from "./support/world";

// The workspace's journey, in one go, in a conference of the test's own: a formal candidate
// edits the profile, uploads a brochure and a video, asks the Ethics Office about the video,
// the office clears it, the candidate publishes, and a visitor sees the material and plays the
// video in Chromium. What each step's service accepts or refuses (a file that is not a video,
// a candidature not yet formal, another candidate's video) is proven in
// tests/integration/video-services.test.ts, workspace-services.test.ts and file-access.test.ts.

const hostile = (name: string) => path.resolve("tests/fixtures/hostile", name);
const video = (name: string) => path.resolve("tests/fixtures/video", name);

async function candidature(db: Parameters<typeof makeWorldConference>[0], data: { status?: "ANNOUNCED" | "FORMAL"; vision?: string } = {}) {
  const conference = await makeWorldConference(db);
  const candidate = await makeWorldCandidate(db, await makeWorldPost(db, conference), data);
  return { candidate, user: candidate.user! };
}

async function createMaterial(page: Page, kind: "Video" | "Brochure (PDF)", title: string): Promise<string> {
  await page.goto("/en/my/materials");
  const create = page.getByRole("form", { name: "Add material" });
  await create.getByLabel("Kind").selectOption({ label: kind });
  await create.getByLabel("Title").fill(title);
  await create.getByRole("button", { name: "Create" }).click();
  await page.waitForURL(/\/en\/my\/materials\/[a-z0-9]+$/);
  return page.url().split("/").pop() ?? "";
}

async function publish(page: Page, id: string) {
  await page.goto(`/en/my/materials/${id}`);
  const form = page.getByRole("form", { name: "Publish this material" });
  await form.getByLabel("This material uses no Union flag, emblem or conference logos.").check();
  await form.getByLabel("This material was not prepared with Union staff or resources.").check();
  await form.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByTestId("material-state")).toContainText("Published");
}

/** Plays the page's video (muted: autoplay rules) and waits until time has really moved. */
async function playVideo(page: Page) {
  const player = page.locator("mux-player");
  await expect(player).toHaveCount(1);
  await player.scrollIntoViewIfNeeded();
  const played = await player.evaluate(async (element) => {
    const media = element as HTMLMediaElement;
    media.muted = true;
    await media.play();
    const started = Date.now();
    while (media.currentTime <= 0.2 && Date.now() - started < 8_000) await new Promise((r) => setTimeout(r, 100));
    return { currentTime: media.currentTime, error: media.error?.code ?? null };
  });
  expect(played.error).toBeNull();
  expect(played.currentTime).toBeGreaterThan(0.2);
}

test("a candidate prepares a brochure and a video, the Ethics Office clears the video, the candidate publishes, and a visitor plays it", async ({
  page,
  db,
  consoleErrors,
}) => {
  test.setTimeout(180_000);
  // The refused upload's 400 answer is logged by the browser.
  consoleErrors.allow(/status of 400/);
  const { candidate, user } = await candidature(db);
  const officer = await makeStaff(db, "ETHICS_OFFICER");
  const brochureTitle = unique("Programme");
  const videoTitle = unique("Vision in two minutes");
  await signInAs(page, user);

  // The profile.
  await page.goto("/en/my/profile");
  const profile = page.getByRole("form", { name: "Version in English" });
  await profile.getByLabel("Vision statement", { exact: true }).fill("Connectivity for every Member State.");
  await profile.getByLabel("Public campaign contact address").fill("campaign@example.org");
  await profile.getByRole("button", { name: "Save" }).click();
  await expect(profile.getByTestId("form-success")).toBeVisible();
  // 001 A: both declarations, for the vision statement as for material.
  const publication = page.getByRole("form", { name: "Publication of this version" });
  await publication.getByLabel(/uses no Union flag/).check();
  await publication.getByLabel(/not prepared with Union staff/).check();
  await publication.getByRole("button", { name: "Publish this version" }).click();
  await expect(page.getByRole("button", { name: "Publish this version" })).toBeHidden();

  // The brochure.
  const brochureId = await createMaterial(page, "Brochure (PDF)", brochureTitle);
  const fileForm = page.getByRole("form", { name: "Upload brochure" });
  await fileForm.getByLabel("Brochure file").setInputFiles(hostile("clean.pdf"));
  await fileForm.getByRole("button", { name: "Upload brochure" }).click();
  await expect(fileForm.getByTestId("form-success")).toBeVisible();
  await expect(page.getByTestId("brochure-current")).toBeVisible();

  // The video: a file that is not a video is refused and changes nothing; the real one is kept.
  const videoId = await createMaterial(page, "Video", videoTitle);
  const upload = page.getByRole("form", { name: "Upload a video file" });
  await expect(page.getByTestId("video-status")).toHaveText("No video yet: upload a file or give the address of one.");
  await upload.getByLabel("Video file").setInputFiles(hostile("clean.pdf"));
  await upload.getByRole("button", { name: "Upload the video" }).click();
  await expect(upload.getByTestId("video-upload-error")).toBeVisible();
  await expect(upload.getByTestId("video-upload-error")).toContainText("This type of file is not accepted here.");
  // Focus moves to the message, so keyboard and screen-reader users hear it.
  await expect(page.locator(":focus")).toContainText("This type of file is not accepted here.");
  await expect(page.getByTestId("video-status")).toHaveText("No video yet: upload a file or give the address of one.");
  await expectAccessible(page);
  await upload.getByLabel("Video file").setInputFiles(video("sample.mp4"));
  await upload.getByRole("button", { name: "Upload the video" }).click();
  await expect(upload.getByTestId("video-upload-done")).toHaveText("The video was uploaded.");
  await expect(page.getByTestId("video-status")).toContainText("sample.mp4");
  await expect(page.locator("mux-player")).toHaveCount(1);
  await expectAccessible(page);
  await page.goto(`/ar/my/materials/${videoId}`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expectAccessible(page);

  const question = unique("Is the background music acceptable?");

  // A question to the Ethics Office about the video.
  await page.goto(`/en/my/materials/${videoId}/review`);
  const request = page.getByRole("form", { name: "Ask for a review" });
  await request.getByLabel("Your question").fill(question);
  await request.getByRole("button", { name: "Send to the Ethics Office" }).click();
  await expect(request.getByTestId("form-success")).toBeVisible();

  // The office reads the draft, watches the video and clears it.
  await signOut(page);
  await signInAs(page, officer);
  await page.goto("/en/ethics");
  await page.getByTestId("pending-reviews").getByRole("link", { name: videoTitle }).click();
  await expect(page.getByTestId("review-question")).toHaveText(question);
  await expect(page.locator("mux-player")).toHaveCount(1);
  await expectAccessible(page);
  const answer = page.getByRole("form", { name: "Your answer" });
  await answer.getByLabel("Outcome").selectOption("CLEARED");
  await answer.getByRole("button", { name: "Send the answer" }).click();
  await expect(answer.getByTestId("form-success")).toBeVisible();

  // The candidate reads the answer and publishes both.
  await signOut(page);
  await signInAs(page, user);
  await page.goto(`/en/my/materials/${videoId}/review`);
  await expect(page.getByTestId("review-history")).toContainText("Cleared");
  await publish(page, brochureId);
  await publish(page, videoId);

  // A visitor sees the material and plays the video; nothing is fetched from a third party
  // (no Mux Data beacon, no Cast script: viewers are not tracked).
  await signOut(page);
  const elsewhere: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (!["127.0.0.1", "localhost"].includes(url.hostname) && url.protocol.startsWith("http")) elsewhere.push(request.url());
  });
  await page.goto(`/en/candidates/${candidate.id}`);
  const material = page.getByRole("region", { name: "Campaign material" });
  await expect(material.getByRole("heading", { name: videoTitle })).toBeVisible();
  await expect(material.getByRole("heading", { name: brochureTitle })).toBeVisible();
  const brochureLink = page.getByTestId("public-brochure");
  await expect(brochureLink).toHaveText(`${brochureTitle} (PDF, English)`);
  const pdf = await page.request.get((await brochureLink.getAttribute("href")) ?? "");
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  // The Ethics Office's exchange stays between the candidate and the office (001).
  await expect(page.locator("body")).not.toContainText(question);
  // The player's box is there, at 16:9, whatever the player's state.
  const frame = page.getByTestId("video-frame");
  const box = await frame.boundingBox();
  expect(box && Math.round((box.width / box.height) * 100)).toBe(178);
  await playVideo(page);
  expect(elsewhere).toEqual([]);
  await expectAccessible(page);
  await page.goto(`/ar/candidates/${candidate.id}`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.locator("mux-player")).toHaveCount(1);
  await expectAccessible(page);
});

test("a page without video never loads the player", async ({ page, db }) => {
  const { candidate } = await candidature(db, { vision: "A vision without a video." });
  const requested: string[] = [];
  page.on("request", (request) => requested.push(request.url()));
  await page.goto(`/en/candidates/${candidate.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText("A vision without a video.")).toBeVisible();
  await expect(page.locator("mux-player")).toHaveCount(0);
  const scripts = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
  // Chunk names are content hashes and ids are random (a cuid once held "hls"): what would show the
  // player is a request to a media host or a playlist, and the element's definition below.
  const media = [...requested, ...scripts].filter((url) => /mux\.com|\.m3u8|\.mp4|\.webm/i.test(url));
  expect(media).toEqual([]);
  // The element is not even defined: its code was never run on this page.
  expect(await page.evaluate(() => Boolean(customElements.get("mux-player")))).toBe(false);
  expect(await page.evaluate(() => Boolean(customElements.get("media-controller")))).toBe(false);
});

test("a candidate whose candidature is not yet formal uploads a WebM draft and plays their own preview", async ({ page, db, consoleErrors }) => {
  // mux-player names only MP4 and HLS; it logs this for a WebM, then the browser plays it natively (checked below).
  consoleErrors.allow(/Media type {2}is an unrecognized or unsupported type for src \/api\/files\/[a-f0-9]{32}\.webm/);
  const { user } = await candidature(db, { status: "ANNOUNCED" });
  await signInAs(page, user);
  const id = await createMaterial(page, "Video", unique("Early video"));
  const upload = page.getByRole("form", { name: "Upload a video file" });
  await upload.getByLabel("Video file").setInputFiles(video("sample.webm"));
  await upload.getByRole("button", { name: "Upload the video" }).click();
  await expect(upload.getByTestId("video-upload-done")).toBeVisible();
  await page.goto(`/en/my/materials/${id}`);
  // The candidate's own preview of the draft plays (the file route serves drafts to their owner).
  await playVideo(page);
  await expect(page.getByTestId("material-state")).toContainText("Draft");
});
