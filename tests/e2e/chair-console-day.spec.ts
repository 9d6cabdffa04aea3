import type { PrismaClient } from "../../lib/db/client";
import { unique } from "../support/factories";
import { expectAccessible, expect, signInAs, test } from "./support/fixtures";
import { makeStaff, makeWorld, makeWorldHearing } from "./support/world";

// The chair's console on the day (docs/decisions/021-chair-moves-name-their-version.md), what
// only a browser shows: at 1366×768 the clock, the speaker and the question are in the first
// screenful during Q&A; the end asks first, naming who has not spoken; a form submitted twice
// makes its move once; the room's screen in English and Arabic. The version rule itself, the
// end's confirmation and the running order's figures are the services' (tests/integration/
// hearing-live and hearing-console).

const LAPTOP = { width: 1366, height: 768 };

/**
 * A hearing of four candidates in the Q&A of the first, a question on screen, written as the
 * moves leave it; the phase has `leftMs` to run. The hearing gives a question one minute and an
 * answer three (docs/fairness.md#finer-clocks); the question on screen was put `questionRunMs` ago.
 */
async function hearingInQa(db: PrismaClient, leftMs: number, rehearsal = false, questionRunMs = 0) {
  const world = await makeWorld(db, { posts: 4 });
  const chair = await makeStaff(db, "CHAIR");
  const hearing = await makeWorldHearing(db, world.conference, { candidates: world.candidates, chairId: chair.id, ready: true });
  const first = await db.hearingSlot.findFirstOrThrow({ where: { hearingId: hearing.id, position: 1 }, include: { candidate: true } });
  const now = Date.now();
  const qaMs = 15 * 60_000;
  await db.hearingSlot.update({
    where: { id: first.id },
    data: { presentationStartedAt: new Date(now - 2 * qaMs), presentationActualMs: qaMs, qaStartedAt: new Date(now - (qaMs - leftMs)) },
  });
  const body = `${unique("How will you make the Radiocommunication Sector's spectrum work open to small administrations")}, and what will you change first?`;
  const question = await db.hearingQuestion.create({
    data: {
      hearingId: hearing.id,
      candidateId: first.candidateId,
      source: "ROOM",
      askerName: "Lena Vogel",
      body,
      bodyHash: unique("hash"),
      status: "SHOWN",
      drawPosition: 1,
      shownAt: new Date(now),
    },
  });
  await db.hearing.update({
    where: { id: hearing.id },
    data: {
      status: "LIVE",
      startedAt: new Date(now - 2 * qaMs),
      currentSlotId: first.id,
      phase: "QA",
      phaseStartedAt: new Date(now - (qaMs - leftMs)),
      phaseDurationMs: qaMs,
      currentQuestionId: question.id,
      stateVersion: 4,
      rehearsal,
      questionLimitSeconds: 60,
      answerLimitSeconds: 180,
      questionClockStartedAt: new Date(now - questionRunMs),
    },
  });
  return { hearingId: hearing.id, chair, speaker: first.candidate.name, body };
}

test("during Q&A the console shows clock, speaker and question in the first screenful; the end asks first; a double submit extends once", async ({
  page,
  db,
}) => {
  test.setTimeout(90_000);
  await page.setViewportSize(LAPTOP);
  const { hearingId, chair, speaker, body } = await hearingInQa(db, 10 * 60_000);
  await signInAs(page, chair);
  await page.goto("/en/chair");

  for (const id of ["cockpit-clock-digits", "cockpit-speaker", "cockpit-question-text"]) await expect(page.getByTestId(id)).toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId("cockpit-speaker")).toHaveText(`${speaker} — 1 of 4`);
  await expect(page.getByTestId("cockpit-question-text")).toHaveText(body);
  await expect(page.getByTestId("cockpit-clock-digits")).toHaveText(/^(9|10):\d\d$/);
  const clock = await page.getByTestId("cockpit-clock-digits").boundingBox();
  console.log(`clock at y=${Math.round(clock?.y ?? -1)} px of ${LAPTOP.height} (1366×768, Q&A)`);
  await expect(page.getByTestId("chair-progress")).toHaveText("0 of 4 candidates have finished.");
  await expectAccessible(page);

  // "End" is apart from "Next", and only asks: the dialog says who has not spoken; Cancel changes nothing.
  const moves = page.getByRole("form", { name: "Run the hearing" });
  await expect(moves.getByRole("button", { name: "Next candidate" })).toBeVisible();
  await expect(moves.getByRole("button", { name: "End the hearing" })).toHaveCount(0);
  const end = page.getByRole("form", { name: "End the hearing" });
  await end.getByTestId("chair-end").click();
  const dialog = end.getByTestId("chair-end-dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("3 candidates have not spoken yet.");
  await end.getByTestId("chair-end-cancel").click();
  await expect(dialog).toBeHidden();
  await expect(end.getByTestId("chair-end")).toBeFocused();

  // The same extension sent twice from one view (a double click): one minute is added, the copy is refused.
  const extend = page.getByRole("form", { name: "Extend the current phase" });
  await extend.getByLabel("Minutes to add").fill("1");
  await extend.getByLabel("Reason").fill("The interpretation into Russian was interrupted.");
  await extend.evaluate((form: HTMLFormElement) => {
    form.requestSubmit();
    form.requestSubmit();
  });
  await expect(extend.getByTestId("form-error")).toContainText("This move was made on an older view of the hearing, so nothing was changed", {
    timeout: 15_000,
  });
  await expect(extend.getByTestId("form-error")).toContainText(`at ${speaker}, questions and answers`);
  expect(await db.hearingExtension.count({ where: { slot: { hearingId } } })).toBe(1);
  const stored = await db.hearing.findUniqueOrThrow({ where: { id: hearingId }, select: { stateVersion: true, status: true } });
  expect(stored).toEqual({ stateVersion: 5, status: "LIVE" });

  // The question's own clock, then "Answer begins": the cockpit and the live panel show the answer's (docs/fairness.md#finer-clocks).
  await expect(page.getByTestId("cockpit-question-clock")).toHaveAttribute("data-kind", "QUESTION");
  await expect(page.getByTestId("panel-question-clock")).toContainText("Time left to put the question");
  await moves.getByRole("button", { name: "Answer begins" }).click();
  await expect(page.getByTestId("cockpit-question-clock")).toHaveAttribute("data-kind", "ANSWER");
  await expect(page.getByTestId("panel-question-clock")).toContainText("Time left to answer");
  await expect(page.getByTestId("panel-question-clock-digits")).toHaveText(/^(3:00|2:[0-5]\d)$/);
  await expect(moves.getByRole("button", { name: "Answer begins" })).toHaveCount(0);

  await page.goto("/ar/chair");
  await expect(page.getByTestId("cockpit-question-text")).toBeInViewport();
  await expect(page.getByTestId("panel-question-clock")).toContainText("الوقت المتبقي للإجابة");
  await expectAccessible(page);
});

test("the room's screen shows the clock, the speaker and the question, warns at one minute and marks a rehearsal, in English and Arabic", async ({
  page,
  db,
}) => {
  test.setTimeout(60_000);
  await page.setViewportSize(LAPTOP);
  // The question has run 15 s over its minute.
  const { chair, speaker, body } = await hearingInQa(db, 45_000, true, 75_000);
  await signInAs(page, chair);

  await page.goto("/en/chair/projector");
  const projector = page.getByTestId("projector");
  await expect(projector.getByTestId("projector-speaker")).toHaveText(`${speaker} — 1 of 4`);
  await expect(projector.getByTestId("projector-clock-digits")).toHaveText(/^0:[0-5]\d$/);
  await expect(projector.getByTestId("projector-clock-digits")).toBeInViewport({ ratio: 1 });
  await expect(projector.getByTestId("projector-question-text")).toHaveText(body);
  await expect(projector.getByTestId("projector-warning")).toHaveText("One minute left");
  await expect(projector).toHaveAttribute("data-warning", "oneMinute");
  await expect(projector.getByTestId("projector-rehearsal")).toHaveText("Rehearsal");
  // Beside the phase clock, the question's own, over its time: said in words, not only in colour.
  await expect(projector.getByTestId("projector-question-clock")).toHaveAttribute("data-over", "yes");
  await expect(projector.getByTestId("projector-question-clock")).toContainText("Question over its time by");
  await expect(projector.getByTestId("projector-question-clock-digits")).toHaveText(/^\+0:[1-5]\d$/);
  // Nothing behind the screen can take the focus.
  await expect(page.locator("header").first()).toHaveAttribute("inert", "");
  await expectAccessible(page);

  await page.goto("/ar/chair/projector");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(projector.getByTestId("projector-speaker")).toContainText(speaker);
  await expect(projector.getByTestId("projector-clock-digits")).toBeInViewport({ ratio: 1 });
  await expect(projector.getByTestId("projector-warning")).toHaveText("بقيت دقيقة واحدة");
  await expect(projector.getByTestId("projector-rehearsal")).toHaveText("بروفة");
  await expect(projector.getByTestId("projector-question-clock")).toContainText("تجاوز السؤال وقته بمقدار");
  await expectAccessible(page);
});
