import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { createDb } from "../../lib/db/client";
import { makeUser, unique } from "../support/factories";
import { makeHearingWithDraws } from "../support/factories-after";
import { expectAccessible, expect, signInAs, test } from "./support/fixtures";

// A hearing of its own (own conference, ended, with its draws made from its seed), so that
// the demo's hearing and the other specs are left alone; the public pages take it by id
// (/hearing/verify/<id>), the secretariat's by `?hearing=<id>`.
test.describe.configure({ mode: "serial" });

let hearingId = "";
let seed = "";
let names: string[] = [];

test.beforeAll(async () => {
  const db = createDb(process.env.E2E_DATABASE_URL ?? "");
  const conference = await db.conference.create({
    data: { slug: unique("verify"), name: unique("Verify Conference"), city: "Dubai", opensOn: new Date("2030-10-28"), closesOn: new Date("2030-11-15"), timeZone: "Asia/Dubai" },
  });
  const made = await makeHearingWithDraws(db, { conferenceId: conference.id, status: "ENDED", names: [unique("Ada & <Lovelace>"), unique("Chen --> Li")] });
  hearingId = made.hearingId;
  seed = made.seed;
  names = made.candidates.map((c) => c.name);
  await db.$disconnect();
});

test("before the reveal the verify page shows each published draw and keeps the seed secret", async ({ page }) => {
  await page.goto(`/en/hearing/verify/${hearingId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Checking the hearing's draws");
  await expect(page.getByTestId("verify-seed")).toHaveText("The seed will be revealed after the hearing; until then only its hash is public.");
  await expect(page.getByTestId("verify-draws").locator("> li")).toHaveCount(3);
  await expect(page.getByRole("heading", { name: `Questions for ${names[0]}` })).toBeVisible();
  await expect(page.getByTestId("draw-verdict")).toHaveCount(0);
  expect(await page.content()).not.toContain(seed);
  await expectAccessible(page);

  const exported = await page.request.get(`/api/hearings/${hearingId}/draws`);
  expect(exported.status()).toBe(200);
  expect(await exported.text()).not.toContain(seed);
  expect((await exported.json()).seed).toBeNull();

  await page.goto(`/ar/hearing/verify/${hearingId}`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("التحقق من قرعات جلسة الاستماع");
  await expectAccessible(page);
});

test("the parity report shows planned and actual times and the extension's reason", async ({ page }) => {
  await page.goto(`/en/hearing/parity/${hearingId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Equal time: the parity report");
  await expect(page.getByTestId("parity-planned")).toHaveText("Planned for every candidate: 15 min of presentation and 15 min of questions and answers.");
  const rows = page.getByTestId("parity-table").locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText(names[0] ?? "");
  await expect(rows.nth(0)).toContainText("14 min 56 sec");
  await expect(rows.nth(0)).toContainText("4 sec under");
  await expect(rows.nth(1)).toContainText("1 min 2 sec over");
  await expect(page.getByTestId("parity-extensions")).toContainText(
    `${names[1]}: 1 min more for the presentation. Reason: Interpretation into Arabic was lost for a minute.`,
  );
  await expect(page.getByTestId("parity-spread")).toHaveText("Difference between the longest and the shortest total time: 1 min 7 sec.");
  await expectAccessible(page);

  await page.goto(`/ar/hearing/parity/${hearingId}`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("المساواة في الوقت: التقرير");
  await expectAccessible(page);
});

test("the secretariat reveals the seed and sets the recording; then every draw matches, here and in the script", async ({ page, db }) => {
  const user = await makeUser(db, "SECRETARIAT");
  await signInAs(page, "en", user);
  await page.goto(`/en/admin/hearing?hearing=${hearingId}`);
  const after = page.getByTestId("after-hearing");
  await expect(after.getByRole("heading", { name: "After the hearing" })).toBeVisible();

  const reveal = page.getByRole("form", { name: "Reveal the seed" });
  await reveal.getByRole("button", { name: "Reveal the seed" }).click();
  // As with the commitment, the form gives way to the fact, which cannot be undone.
  await expect(after.getByTestId("seed-revealed")).toContainText("The seed was revealed on");
  await expect(reveal).toHaveCount(0);

  const recording = page.getByRole("form", { name: "Recording and chapters" });
  await recording.getByLabel("Recording address").fill("http://video.example.org/hearing.m3u8");
  await recording.getByLabel("When the recording began (Asia/Dubai)").fill("2030-10-27T09:30:30");
  await recording.getByRole("button", { name: "Save the recording" }).click();
  await expect(recording.getByTestId("form-error")).toBeVisible();
  await expect(recording).toContainText("Give an https address ending in .m3u8 (HLS) or .mp4.");
  await recording.getByLabel("Recording address").fill("https://video.example.org/hearing.m3u8");
  await recording.getByRole("button", { name: "Save the recording" }).click();
  await expect(recording.getByTestId("form-success")).toHaveText("The recording was saved. Chapters: 2.");
  await page.reload();
  await expect(page.getByRole("form", { name: "Recording and chapters" }).getByLabel(`Start of candidate 2, ${names[1]}, in the recording`)).toHaveValue("30:56");
  await expectAccessible(page);

  const vtt = await page.request.get(`/api/hearings/${hearingId}/chapters.vtt`);
  expect(vtt.headers()["content-type"]).toBe("text/vtt; charset=utf-8");
  expect(vtt.headers()["x-content-type-options"]).toBe("nosniff");
  const text = await vtt.text();
  expect(text).toContain("00:00:30.000 --> 00:30:56.000");
  expect(text).not.toContain("<Lovelace>");
  expect(text.match(/-->/g)).toHaveLength(2);

  // The webcast page now replays the recording, with its chapters listed (read without a
  // browser: the example address would not load here).
  const webcast = await page.request.get(`/api/hearings/${hearingId}/webcast`);
  expect((await webcast.json()) as unknown).toMatchObject({
    access: { kind: "play", playback: { kind: "src", src: "https://video.example.org/hearing.m3u8", stream: "hls" } },
  });
  const html = await (await page.request.get(`/en/hearing/${hearingId}`)).text();
  expect(html).toContain("Chapters of the recording");
  expect(html).toContain(">0:00:30</span>");

  await page.goto(`/en/hearing/verify/${hearingId}`);
  await expect(page.getByTestId("verify-seed")).toHaveText(seed);
  await expect(page.getByTestId("verify-hash-check")).toHaveText("matches the published hash");
  await expect(page.getByTestId("draw-verdict")).toHaveText(["matches", "matches", "matches"]);
  await expect(page.getByTestId("verify-summary")).toHaveText("Every draw matches its recomputation from the revealed seed.");
  await expectAccessible(page);
  await page.goto(`/ar/hearing/verify/${hearingId}`);
  await expect(page.getByTestId("draw-verdict")).toHaveText(["متطابقة", "متطابقة", "متطابقة"]);
  await expectAccessible(page);

  // Anyone's own check, from the open data alone.
  const base = new URL(page.url()).origin;
  const { stdout } = await promisify(execFile)("npx", ["tsx", "scripts/verify-draws.ts", base, hearingId]);
  expect(stdout).toContain("seed: sha256 matches the published hash");
  expect(stdout).toContain("all draws match");
});

test("the pages without an id show the conference's hearing; an unknown id is not found", async ({ page, consoleErrors }) => {
  consoleErrors.allow(/status of 404/);
  // The demo hearing's state depends on what other specs did to it: only the pages are checked.
  for (const path of ["/en/hearing/verify", "/en/hearing/parity"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(path.endsWith("verify") ? "Checking the hearing's draws" : "Equal time: the parity report");
    await expectAccessible(page);
  }
  expect((await page.goto("/en/hearing/verify/no-such-hearing"))?.status()).toBe(404);
  expect((await page.goto("/en/hearing/parity/no-such-hearing"))?.status()).toBe(404);
});
