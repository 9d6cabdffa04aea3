import type { PrismaClient } from "../../lib/db/client";
import { unique } from "../support/factories";
import { makeHearingWithDraws } from "../support/factories-after";
import { expectAccessible, expect, test } from "./support/fixtures";
import { makeWorldConference } from "./support/world";

// The public transcript page (docs/decisions/041-transcript.md): what only a browser shows —
// the label, the search form's round trip with escaped highlights, the download links, axe
// in en and ar. Building, correcting, the official mark and the downloads' bodies are the
// services' (tests/integration/transcripts.test.ts).

/** An ended hearing with a floor transcript (not official) whose text would be markup if it were not escaped. */
async function hearingWithTranscript(db: PrismaClient) {
  const conference = await makeWorldConference(db);
  const made = await makeHearingWithDraws(db, { conferenceId: conference.id, status: "ENDED", names: [unique("Ada & <Lovelace>"), unique("Chen Li")] });
  const [first, second] = made.slots;
  if (!first?.presentationStartedAt || !second?.presentationStartedAt) throw new Error("two candidates who spoke expected");
  const transcript = await db.transcript.create({ data: { hearingId: made.hearingId, language: "floor", builtAt: new Date(), cueCount: 4 } });
  const texts = ["Thank you, Chair. <script>window.pwned = 1</script> Spectrum for every region.", "Connectivity first, then the satellites."];
  await db.transcriptSegment.createMany({
    data: [first, second].map((slot, position) => ({
      transcriptId: transcript.id,
      position,
      kind: "PRESENTATION" as const,
      candidateId: slot.candidateId,
      startAt: slot.presentationStartedAt as Date,
      endAt: slot.qaStartedAt,
      text: texts[position] ?? "",
      builtText: texts[position] ?? "",
    })),
  });
  return { hearingId: made.hearingId, first: first.candidateId };
}

test("the transcript says it is not an official record, finds words server-side with escaped highlights, and offers both downloads", async ({ page, db }) => {
  const { hearingId, first } = await hearingWithTranscript(db);
  await page.goto(`/en/hearing/${hearingId}/transcript`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Transcript of the hearing");
  await expect(page.getByTestId("transcript-status")).toContainText("Not an official record");
  await expect(page.locator(`#candidate-${first}`)).toContainText("<script>window.pwned = 1</script>");
  await expectAccessible(page);

  await page.getByRole("searchbox", { name: "Search the transcript" }).fill("SPECTRUM");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/[?&]q=SPECTRUM/);
  await expect(page.getByTestId("transcript-results")).toHaveText("1 part matches “SPECTRUM”. Show the whole transcript");
  await expect(page.getByTestId("transcript-segments").locator("mark")).toHaveText(["Spectrum"]);
  expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();

  for (const [testId, type] of [
    ["transcript-download-text", "text/plain; charset=utf-8"],
    ["transcript-download-json", "application/json; charset=utf-8"],
  ] as const) {
    const href = await page.getByTestId(testId).getAttribute("href");
    expect(href).toMatch(new RegExp(`^/api/hearings/${hearingId}/transcript\\.(txt|json)\\?lang=floor&locale=en$`));
    const response = await page.request.get(href ?? "");
    expect(response.headers()["content-type"]).toBe(type);
    expect(await response.text()).toContain("Connectivity first");
  }

  await page.goto(`/ar/hearing/${hearingId}/transcript?q=${encodeURIComponent("الأقمار")}`);
  await expect(page.getByTestId("transcript-status")).toContainText("ليس محضراً رسمياً");
  await expect(page.getByTestId("transcript-results")).toContainText("لا يتضمن أي جزء");
  await expectAccessible(page);
});
