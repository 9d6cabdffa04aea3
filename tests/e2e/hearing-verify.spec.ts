import type { PrismaClient } from "../../lib/db/client";
import { EXAMPLE_QUESTIONS, EXAMPLE_QUOTA, EXAMPLE_RUNNING_ORDER, workedExample } from "../../lib/draw/worked-example";
import { unique } from "../support/factories";
import { makeHearingWithDraws } from "../support/factories-after";
import { expectAccessible, expect, signInAs, test } from "./support/fixtures";
import { makeStaff, makeWorldConference } from "./support/world";
import { confirmDialog } from "./support/confirm";

// After the hearing: each test's own ended hearing (own conference, its draws made from its
// seed); the public pages take it by id (/hearing/verify/<id>), the secretariat's console by
// the conference's slug. What the routes serve (the seed kept back until the reveal, the
// WebVTT chapters with names escaped, the verification script) is the services'
// (tests/integration/hearing-after.test.ts).

/** An ended hearing of two candidates whose names need escaping, with its draws, extension and actual times. */
async function endedHearing(db: PrismaClient, options: { voided?: boolean } = {}) {
  const conference = await makeWorldConference(db);
  const made = await makeHearingWithDraws(db, {
    conferenceId: conference.id,
    status: "ENDED",
    names: [unique("Ada & <Lovelace>"), unique("Chen --> Li")],
    voided: options.voided,
  });
  return { conference, hearingId: made.hearingId, seed: made.seed, voided: made.voided, names: made.candidates.map((c) => c.name) };
}

test("before the reveal the verify page shows each published draw with its times and entropy, the voided commitment, and keeps the seed secret", async ({
  page,
  db,
}) => {
  const { hearingId, seed, voided, names } = await endedHearing(db, { voided: true });
  await page.goto(`/en/hearing/verify/${hearingId}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Checking the hearing's draws");
  await expect(page.getByTestId("verify-seed")).toHaveText("The seed will be revealed after the hearing; until then only its hash is public.");
  await expect(page.getByTestId("verify-committed-at")).toContainText("(UTC)");
  const draws = page.getByTestId("verify-draws").locator("> li");
  await expect(draws).toHaveCount(4);
  await expect(page.getByRole("heading", { name: `Questions for ${names[0]}` })).toBeVisible();
  // The draw under the voided commitment: void, and already checked with the seed published at the voiding.
  const voidDraw = page.getByTestId(`draw-${voided?.drawId}`);
  await expect(voidDraw.getByTestId("draw-void")).toHaveText("Void: made under a voided commitment, this draw does not count.");
  await expect(voidDraw.getByTestId("draw-verdict")).toHaveText("matches");
  await expect(voidDraw.getByTestId("draw-entropy")).toHaveText("6655");
  await expect(page.getByTestId("draw-verdict")).toHaveCount(1);
  const voidedList = page.getByTestId("verify-voided");
  await expect(voidedList).toContainText(voided?.seed ?? "");
  await expect(voidedList).toContainText("A candidature became formal after the commitment.");
  await expect(voidedList.getByTestId("voided-hash-check")).toHaveText("matches the published hash");
  // The active commitment's draws: times, entropy and the queue, the seed still secret.
  const running = draws.nth(1);
  await expect(running.getByTestId("draw-entropy")).toHaveText("314159");
  await expect(running.getByTestId("draw-revealed-at")).toHaveText("not yet");
  await expect(draws.nth(2).getByTestId("draw-queue")).toHaveText("0 questions awaiting a decision, 1 set aside");
  await expect(page.getByTestId("verify-summary")).toHaveText(
    "Nothing wrong is visible so far; the draws under the active commitment can be checked once its seed is revealed.",
  );
  expect(await page.content()).not.toContain(seed);
  await expectAccessible(page);

  await page.goto(`/ar/hearing/verify/${hearingId}`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("التحقق من قرعات جلسة الاستماع");
  await expect(page.getByTestId("verify-spec-link")).toHaveText("طريقة إجراء القرعة، بايتاً بايتاً، مع مثال محلول");
  await expectAccessible(page);
});

test("the specification page states the draw with its worked example computed by the code, in English and Arabic, reachable from the verify page", async ({
  page,
  db,
}) => {
  const { hearingId } = await endedHearing(db);
  const a = workedExample(EXAMPLE_RUNNING_ORDER);
  const b = workedExample(EXAMPLE_QUESTIONS);
  await page.goto(`/en/hearing/verify/${hearingId}`);
  await page.getByTestId("verify-spec-link").click();
  await expect(page).toHaveURL(/\/en\/hearing\/draw-specification$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("How the hearing's draws are made: the specification");
  await expect(page.getByTestId("example-a-commitment")).toHaveText(a.commitment);
  await expect(page.getByTestId("example-a-entropy")).toHaveText(a.entropy);
  await expect(page.getByTestId("example-a-block-1")).toContainText(a.blocks[1]?.macHex ?? "missing");
  await expect(page.getByTestId("example-a-permutation").locator("li")).toHaveText(a.permutation.map((id, k) => `[${k}] ${id}`));
  await expect(page.getByTestId("example-a-steps").locator("tbody tr")).toHaveCount(a.steps.length);
  await expect(page.getByTestId("example-b-drawn").locator("li")).toHaveText(b.drawn.map((id, k) => `[${k}] ${id}`));
  // Section 15: a draw under a quota, its walk and result computed by the code (docs/decisions/045-quota-draws.md).
  const c = workedExample(EXAMPLE_QUOTA);
  await expect(page.getByTestId("example-c-walk").locator("tbody tr")).toHaveCount(c.permutation.length);
  await expect(page.getByTestId("example-c-drawn").locator("li")).toHaveText(c.drawn.map((id, k) => `[${k}] ${id}`));
  // The table of contents leads to each section.
  await page.getByRole("navigation", { name: "Contents" }).getByRole("link", { name: "13. Worked example" }).click();
  await expect(page).toHaveURL(/#example-title$/);
  // The scrollable examples take the keyboard's focus.
  await page.getByTestId("example-a-bytes").focus();
  await expect(page.getByTestId("example-a-bytes")).toBeFocused();
  await expectAccessible(page);

  await page.goto("/ar/hearing/draw-specification");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("كيف تُجرى قرعات جلسة الاستماع: المواصفة");
  const commitment = page.getByTestId("example-a-commitment");
  await expect(commitment).toHaveText(a.commitment);
  await expect(commitment).toHaveAttribute("dir", "ltr");
  await expect(page.getByTestId("example-a-bytes")).toHaveAttribute("dir", "ltr");
  await expectAccessible(page);
});

test("the parity report shows planned and actual times and the extension's reason; an unknown hearing is not found", async ({ page, db, consoleErrors }) => {
  consoleErrors.allow(/status of 404/);
  const { hearingId, names } = await endedHearing(db);
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

  expect((await page.goto("/en/hearing/verify/no-such-hearing"))?.status()).toBe(404);
  expect((await page.goto("/en/hearing/parity/no-such-hearing"))?.status()).toBe(404);
});

test("the secretariat reveals the seed and sets the recording; then every draw matches", async ({ page, db }) => {
  const { conference, hearingId, seed, names } = await endedHearing(db);
  await signInAs(page, await makeStaff(db, "SECRETARIAT"));
  await page.goto(`/en/admin/conferences/${conference.slug}/hearing`);
  const after = page.getByTestId("after-hearing");
  await expect(after.getByRole("heading", { name: "After the hearing" })).toBeVisible();

  const reveal = page.getByRole("form", { name: "Reveal the seed" });
  await reveal.getByRole("button", { name: "Reveal the seed" }).click();
  await confirmDialog(page);
  // As with the commitment, the form gives way to the fact, which cannot be undone.
  await expect(after.getByTestId("seed-revealed")).toContainText("The seed was revealed on");
  await expect(reveal).toHaveCount(0);

  const recording = page.getByRole("form", { name: "Recording and chapters" });
  await recording.getByLabel("Recording address").fill("http://video.example.org/hearing.m3u8");
  await recording.getByLabel("When the recording began (Gulf Standard Time, GMT+4)").fill("2030-10-27T09:30:30");
  await recording.getByRole("button", { name: "Save the recording" }).click();
  await expect(recording.getByTestId("form-error")).toBeVisible();
  await expect(recording).toContainText("Give an https address ending in .m3u8 (HLS) or .mp4.");
  // On the one origin allowed by default (docs/decisions/028-media-origins.md).
  await recording.getByLabel("Recording address").fill("https://test-streams.mux.dev/hustings-missing/hearing.m3u8");
  await recording.getByRole("button", { name: "Save the recording" }).click();
  await expect(recording.getByTestId("form-success")).toHaveText("The recording was saved. Chapters: 2.");
  await page.reload();
  await expect(page.getByRole("form", { name: "Recording and chapters" }).getByLabel(`Start of candidate 2, ${names[1]}, in the recording`)).toHaveValue(
    "30:56",
  );
  await expectAccessible(page);

  // The webcast page now replays the recording, with its chapters listed (read without a
  // browser: the example address would not load here).
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
});
