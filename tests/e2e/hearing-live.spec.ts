import type { Browser, Page } from "@playwright/test";
import type { PrismaClient } from "../../lib/db/client";
import { unique } from "../support/factories";
import { confirmDialog } from "./support/confirm";
import { expectAccessible, expect, signInAs, test } from "./support/fixtures";
import { makeStaff, makeWorld, makeWorldHearing } from "./support/world";

// The live hearing: each test's chair runs a hearing of its own (own conference, own chair,
// tests/e2e/support/world.ts) while a viewer in a second browser follows the webcast page,
// which must show each change within a second of the chair's action. The chair's console,
// /chair, shows the hearing that user chairs. Who may read a queue or move a hearing, and
// which questions a route takes, are the services' (tests/integration/hearing-console and
// hearing-questions).

const SECOND = { timeout: 1000 };

/** A ready hearing (seed committed, running order set) of two candidates, in a conference and with a chair of its own. */
async function makeReadyHearing(db: PrismaClient, options: { minutes?: number; questionsPerCandidate?: 2 | 3 } = {}) {
  const world = await makeWorld(db, { posts: 2 });
  const chair = await makeStaff(db, "CHAIR");
  const hearing = await makeWorldHearing(db, world.conference, { candidates: world.candidates, chairId: chair.id, ready: true });
  await db.hearing.update({
    where: { id: hearing.id },
    data: { presentationMinutes: options.minutes ?? 15, qaMinutes: options.minutes ?? 15, questionsPerCandidate: options.questionsPerCandidate ?? 3 },
  });
  return { conference: world.conference, hearingId: hearing.id, chair, secretariat: world.secretariat, candidates: world.candidates };
}

/** A second browser, with its own console-error check (the fixture watches only `page`). */
async function viewerPage(browser: Browser, baseURL: string | undefined, path: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
  await page.goto(path);
  return { page, errors };
}

test("the chair runs a two-candidate hearing and the webcast page follows each move within a second", async ({ page, browser, db, baseURL }) => {
  test.setTimeout(180_000);
  const { hearingId, chair, candidates } = await makeReadyHearing(db, { minutes: 5, questionsPerCandidate: 2 });
  const [first, second] = candidates.map((c) => c.name);
  const body = `${unique("How will you close the standardisation gap")}?`;
  // The first candidate is Kenya's: a real state, on the ask form's list (docs/fairness.md#no-self-questioning).
  const kenya = await db.memberState.findUniqueOrThrow({ where: { iso3: "KEN" }, select: { id: true } });
  await db.candidate.update({ where: { id: candidates[0]?.id }, data: { memberStateId: kenya.id } });

  // The viewer, anonymous, before the start: schedule, state, and the question form.
  const { page: viewer, errors: viewerErrors } = await viewerPage(browser, baseURL, `/en/hearing/${hearingId}`);
  await expect(viewer.getByRole("heading", { level: 1 })).toHaveText("The candidates' hearing");
  await expect(viewer.getByTestId("webcast-order").locator("li")).toHaveCount(2);
  await expect(viewer.getByTestId("webcast-order").locator("li").first()).toContainText(`1. ${first}`);
  await expect(viewer.getByTestId("live-status")).toHaveText("The hearing has not started yet.");
  await expect(viewer.getByTestId("webcast-no-stream")).toBeVisible();
  await expectAccessible(viewer);

  // A remote question to the first candidate, asked as a Member State: as Kenya, its nominating
  // state, refused under the rule, what was typed kept; as Senegal, sent (declared, not checked).
  const form = viewer.getByTestId("hearing-ask-form");
  await form.getByLabel("To the candidate").selectOption({ label: first ?? "" });
  await form.getByLabel("Your name").fill("Amina Diallo");
  await form.getByLabel("A Member State").check();
  await form.getByLabel("Member State", { exact: true }).selectOption({ label: "Kenya" });
  await form.getByLabel("Your question").fill(body);
  await form.getByRole("button", { name: "Send the question" }).click();
  await expect(viewer.getByTestId("hearing-ask-error")).toHaveText(
    "Refused under the rule of no self-questioning: a Member State may not question the candidate it nominated.",
  );
  await expect(viewer.getByTestId("hearing-ask-error-askerState")).toHaveText("This state nominated the candidate: it may not question them.");
  await expect(form.getByLabel("Your question")).toHaveValue(body);
  await expectAccessible(viewer);
  await form.getByLabel("Member State", { exact: true }).selectOption({ label: "Senegal" });
  await form.getByRole("button", { name: "Send the question" }).click();
  await expect(viewer.getByTestId("hearing-ask-sent")).toHaveText("Thank you: your question is in the chair's queue.");

  // The chair's console.
  await signInAs(page, chair);
  await page.goto("/en/chair");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Chair's console");
  await expectAccessible(page);
  const moves = page.getByRole("form", { name: "Run the hearing" });
  const move = async (label: string, done: string) => {
    await moves.getByRole("button", { name: label, exact: true }).click();
    await expect(moves.getByTestId("form-success")).toHaveText(done);
  };

  // Opening cannot be undone: the dialog says how many will present and what is then fixed.
  await moves.getByRole("button", { name: "Open the hearing", exact: true }).click();
  await expect(moves.getByTestId("chair-start-dialog")).toContainText(
    "2 candidates will present in the drawn running order. Opening cannot be undone: the presenters and the Member States sharing the hearing's costs are then fixed.",
  );
  await expectAccessible(page);
  await confirmDialog(page);
  await expect(moves.getByTestId("form-success")).toHaveText("The hearing is open.");
  await expect(viewer.getByTestId("live-speaker")).toHaveText(`${first} (candidate 1)`, SECOND);
  await expect(viewer.getByTestId("live-phase")).toHaveText("between phases", SECOND);

  await move("Start the presentation", "The presentation has started.");
  await expect(viewer.getByTestId("live-phase")).toHaveText("presentation", SECOND);
  await expect(viewer.getByTestId("live-clock")).toHaveText(/^4:5\d|5:00$/, SECOND);
  // The clock runs in the browser: it changes with no message from the server.
  const before = await viewer.getByTestId("live-clock").textContent();
  await expect(viewer.getByTestId("live-clock")).not.toHaveText(before ?? "", { timeout: 2500 });

  await move("Pause the clock", "The clock is paused.");
  await expect(viewer.getByTestId("live-status")).toHaveText("Live — the clock is paused.", SECOND);
  const paused = await viewer.getByTestId("live-clock").textContent();
  await viewer.waitForTimeout(1500);
  await expect(viewer.getByTestId("live-clock")).toHaveText(paused ?? "");
  await move("Resume the clock", "The clock is running again.");
  await expect(viewer.getByTestId("live-status")).toHaveText("Live now.", SECOND);

  // The draw takes the digits of the dice rolled in the room: anything else is refused on the field, translated.
  const draw = page.getByRole("form", { name: "Draw the questions" });
  const digits = draw.getByLabel("Digits of the dice rolled in the room");
  await digits.fill("35 1x");
  await draw.getByRole("button", { name: "Draw 2 questions" }).click();
  await expect(draw.getByText("Type the digits of the dice rolled in the room: only 0 to 9, at least 4 and at most 64 (spaces are ignored).")).toBeVisible();
  await expect(digits).toHaveAttribute("aria-invalid", "true");

  // The queue: the webcast question, approved; then the draw (one approved, two asked).
  const queue = page.getByTestId("chair-queue");
  await expect(queue.getByRole("heading", { level: 2 })).toHaveText(`Questions for ${first}`);
  const item = queue.getByTestId("queue-question").filter({ hasText: body });
  await expect(item).toContainText("Amina Diallo, via the webcast");
  await expect(item.getByTestId("queue-question-source")).toHaveText("Source: A Member State, Senegal, Region D declared");
  await expect(item.getByTestId("queue-question-status")).toHaveText("Waiting for a decision");
  await item.getByRole("button", { name: "Approve" }).click();
  await expect(item.getByTestId("queue-question-status")).toHaveText("Approved");

  await digits.fill("3 5 1 6 2 4");
  await draw.getByRole("button", { name: "Draw 2 questions" }).click();
  await expect(draw.getByTestId("form-success")).toHaveText("The questions have been drawn and published.");
  await expect(viewer.getByTestId("live-draw")).toContainText("Questions drawn for this candidate: 1 of 2.", SECOND);
  // The digits read aloud are on every viewer's screen at once, as they entered the draw.
  await expect(viewer.getByTestId("live-draw-entropy")).toHaveText("351624", SECOND);

  await move("Start questions and answers", "Questions and answers have started.");
  await expect(viewer.getByTestId("live-phase")).toHaveText("questions and answers", SECOND);

  await move("Show the next question", "The question is on screen.");
  await expect(viewer.getByTestId("live-question-text")).toHaveText(body, SECOND);
  await expect(viewer.getByTestId("live-question-asker")).toHaveText("Asked by Amina Diallo, via the webcast", SECOND);
  await expect(item.getByTestId("queue-question-status")).toHaveText("On screen (question 1)");

  await move("Mark as answered", "The question is marked as answered.");
  await expect(viewer.getByTestId("live-question")).toHaveCount(0, SECOND);

  await move("Next candidate", "Moved to the next candidate.");
  await expect(viewer.getByTestId("live-speaker")).toHaveText(`${second} (candidate 2)`, SECOND);
  // The first candidate has finished: questions go to the second only.
  await expect(viewer.getByTestId("hearing-ask-form").getByLabel("To the candidate").locator("option")).toHaveText([`${second} (speaking now)`]);

  await move("Start the presentation", "The presentation has started.");
  await expect(viewer.getByTestId("live-duration")).toHaveText("Time for this phase: 5 minutes.", SECOND);
  // An extension: refused without a reason, then granted with one.
  const extend = page.getByRole("form", { name: "Extend the current phase" });
  await extend.getByLabel("Minutes to add").fill("2");
  await extend.getByRole("button", { name: "Extend" }).click();
  await expect(extend.getByTestId("form-error")).toBeVisible();
  await extend.getByLabel("Reason").fill("The interpretation into Arabic was interrupted.");
  await extend.getByRole("button", { name: "Extend" }).click();
  await expect(extend.getByTestId("form-success")).toHaveText("The phase has been extended.");
  await expect(viewer.getByTestId("live-duration")).toHaveText("Time for this phase: 7 minutes.", SECOND);
  await expect(viewer.getByTestId("live-clock")).toHaveText(/^6:[2-5]\d|7:00$/, SECOND);

  // Refused moves are not offered; the console shows the one the rules allow.
  await expect(moves.getByRole("button", { name: "Next candidate" })).toHaveCount(0);

  // Once ended, the hearing is no longer one the chair runs: the console says it has none under way or to come.
  // The end is apart from the moves, behind a confirmation that says who has not spoken.
  await expect(moves.getByRole("button", { name: "End the hearing" })).toHaveCount(0);
  const end = page.getByRole("form", { name: "End the hearing" });
  await end.getByTestId("chair-end").click();
  await expect(end.getByTestId("chair-end-dialog")).toContainText("All candidates have spoken.");
  await end.getByTestId("chair-end-confirm").click();
  await expect(page.getByTestId("chair-no-hearing")).toHaveText(/^You chair no hearing that is under way or still to come\./);
  await expect(viewer.getByTestId("live-status")).toHaveText("The hearing has ended.", SECOND);
  await expect(viewer.getByTestId("hearing-ask-closed")).toBeVisible(SECOND);
  await viewer.context().close();
  // The refused self-questioning answered 409, which the browser logs; nothing else may be logged.
  expect(
    viewerErrors.filter((e) => !/status of 409/.test(e)),
    "console errors on the webcast page",
  ).toEqual([]);

  const stored = await db.hearing.findUniqueOrThrow({ where: { id: hearingId }, select: { status: true } });
  expect(stored.status).toBe("ENDED");
  const drawn = await db.draw.findFirstOrThrow({ where: { hearingId, kind: "QUESTIONS" }, select: { entropy: true, pendingCount: true, setAsideCount: true } });
  expect(drawn).toEqual({ entropy: "351624", pendingCount: 0, setAsideCount: 0 });
  const question = await db.hearingQuestion.findFirstOrThrow({ where: { hearingId, body } });
  expect(question.status).toBe("ANSWERED");
  expect(question.source).toBe("WEBCAST");
});

/** A question of the candidate's queue, written as the services leave it, in `status`. */
async function queueQuestion(db: PrismaClient, hearingId: string, candidateId: string, status: "PENDING" | "APPROVED" | "SET_ASIDE") {
  const body = `${unique("What will you change first")}?`;
  await db.hearingQuestion.create({
    data: { hearingId, candidateId, source: "ROOM", askerName: "Lena Vogel", body, bodyHash: unique("hash"), status },
  });
  return body;
}

test("a draw while questions still await a decision is refused with a warning, and made only on an explicit confirmation", async ({
  page,
  browser,
  baseURL,
  db,
}) => {
  test.setTimeout(120_000);
  const { hearingId, chair, candidates } = await makeReadyHearing(db, { questionsPerCandidate: 2 });
  const first = candidates[0];
  if (!first) throw new Error("no candidate");
  await queueQuestion(db, hearingId, first.id, "APPROVED");
  await queueQuestion(db, hearingId, first.id, "APPROVED");
  const waiting = await queueQuestion(db, hearingId, first.id, "PENDING");
  await queueQuestion(db, hearingId, first.id, "SET_ASIDE");
  // A question quota no approved question can meet (docs/decisions/045-quota-draws.md): the console says so before the draw.
  const none = { min: 0, max: null };
  await db.hearing.update({
    where: { id: hearingId },
    data: { questionQuota: { sources: { MEMBER_STATE: { min: 1, max: null }, SECTOR_MEMBER: none, PUBLIC: none, PRESS: none }, regionMax: null } },
  });

  await signInAs(page, chair);
  await page.goto("/en/chair");
  // Before the start, the checklist the start runs again: all passes.
  await expect(page.getByTestId("chair-start-checks")).toContainText("Every check passes: the hearing may be opened.");
  await expect(page.getByTestId("chair-check-order")).toContainText("passes");
  const moves = page.getByRole("form", { name: "Run the hearing" });
  await moves.getByRole("button", { name: "Open the hearing", exact: true }).click();
  await confirmDialog(page);
  await expect(moves.getByTestId("form-success")).toHaveText("The hearing is open.");
  await expect(page.getByTestId("chair-pending-note")).toHaveText(
    "1 question for this candidate still awaits your decision: approve or set it aside in the queue below before the draw.",
  );
  await expect(page.getByTestId("quota-shortfall")).toContainText("Member States: the minimum of 1 cannot be met — at most 0 can be drawn.");
  await expect(page.getByTestId("quota-will-draw")).toHaveText("The draw will take 2 questions.");

  // The draw is refused: the warning says what would be lost, and a second, explicit button appears.
  const draw = page.getByRole("form", { name: "Draw the questions" });
  await draw.getByLabel("Digits of the dice rolled in the room").fill("6 6 2 1 4");
  await draw.getByRole("button", { name: "Draw 2 questions" }).click();
  await expect(draw.getByTestId("form-error")).toHaveText(
    "1 question still awaits a decision; once the draw is made, it can never be drawn for this candidate.",
  );
  const confirm = draw.getByTestId("chair-pending-confirm");
  await expect(confirm).toContainText("Decide on the waiting questions in the queue first, or confirm that the draw is made without them.");
  await expect(confirm.getByRole("button", { name: "Draw now, without the waiting questions" })).toBeVisible();
  // What was typed stays for the confirmation; nothing was drawn.
  await expect(draw.getByLabel("Digits of the dice rolled in the room")).toHaveValue("6 6 2 1 4");
  expect(await db.draw.count({ where: { hearingId, kind: "QUESTIONS" } })).toBe(0);
  await expectAccessible(page);

  // In Arabic, right to left, the same warning and the confirmation, which draws.
  await page.goto("/ar/chair");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByTestId("quota-shortfall")).toBeVisible();
  const drawAr = page.getByRole("form", { name: "سحب الأسئلة" });
  await drawAr.getByLabel("أرقام النرد الذي رُمي في القاعة").fill("6 6 2 1 4");
  await drawAr.getByRole("button", { name: "اسحب سؤالين" }).click();
  await expect(drawAr.getByTestId("form-error")).toHaveText(/^عدد الأسئلة التي لا تزال تنتظر قرارًا: [1١]؛ وبعد إجراء السحب لن يمكن أبدًا سحبها لهذا المرشح\.$/);
  await expect(drawAr.getByTestId("chair-pending-confirm")).toBeVisible();
  await expectAccessible(page);

  // A viewer follows; the confirmation draws with the digits typed, and the entropy is live.
  const context = await browser.newContext({ baseURL });
  const viewer = await context.newPage();
  await viewer.goto(`/en/hearing/${hearingId}`);
  await expect(viewer.getByTestId("live-status")).toHaveText("Live now.");
  await drawAr.getByRole("button", { name: "اسحب الآن، من دون الأسئلة المنتظرة" }).click();
  await expect(drawAr.getByTestId("form-success")).toBeVisible();
  await expect(viewer.getByTestId("live-draw-entropy")).toHaveText("66214", SECOND);
  await expect(viewer.getByTestId("live-draw-pending")).toHaveText(
    "1 question was still awaiting the chair's decision at the draw, and can no longer be drawn for this candidate.",
    SECOND,
  );
  // The hearing's page lists the draw with its digits and the queue at the draw.
  await viewer.reload();
  const listed = viewer.getByTestId("hearing-draw").filter({ hasText: `Questions for ${first.name}` });
  await expect(listed.getByTestId("hearing-draw-entropy")).toHaveText("66214");
  await expect(listed).toContainText("At the draw: 1 question awaiting a decision, 1 set aside.");
  // Drawn under the quota: the record shows it with the strata.
  await expect(listed.getByTestId("draw-quota")).toContainText("Quota (2 places):");
  await expectAccessible(viewer);
  await expect(viewer.getByTestId("hearing-stage")).toHaveText("Stage: Running");
  await context.close();

  const stored = await db.draw.findFirstOrThrow({
    where: { hearingId, kind: "QUESTIONS" },
    select: { entropy: true, pendingCount: true, setAsideCount: true, count: true },
  });
  expect(stored).toEqual({ entropy: "66214", pendingCount: 1, setAsideCount: 1, count: 2 });
  // The waiting question was left out, for good.
  expect((await db.hearingQuestion.findFirstOrThrow({ where: { hearingId, body: waiting } })).status).toBe("PENDING");
});

test("a members-only webcast shows an anonymous visitor the schedule but no player, and how to sign in", async ({ page, db }) => {
  const { hearingId, candidates } = await makeReadyHearing(db);
  const source = "https://stream.example.test/hearing/live.m3u8";
  await db.hearing.update({ where: { id: hearingId }, data: { webcastKind: "URL", webcastSource: source, webcastAccess: "MEMBERS" } });

  await page.goto(`/en/hearing/${hearingId}`);
  await expect(page.getByTestId("webcast-order").locator("li")).toHaveCount(2);
  await expect(page.getByTestId("webcast-order")).toContainText(candidates[0]?.name ?? "");
  // The commitment to the draw is published on the hearing's page, dated, before any question is drawn; the stage says where the hearing is.
  const committed = await db.hearing.findUniqueOrThrow({ where: { id: hearingId }, select: { seedHash: true } });
  await expect(page.getByTestId("webcast-seed-hash")).toHaveText(committed.seedHash ?? "missing");
  await expect(page.getByTestId("hearing-stage")).toHaveText("Stage: Committed");
  await expect(page.getByTestId("hearing-committed-at")).not.toBeEmpty();
  await expect(page.getByTestId("hearing-voided")).toHaveText("none");
  await expect(page.getByTestId("webcast-members-only")).toContainText("The webcast of this hearing is for the delegations of the Member States only.");
  const signIn = page.getByRole("link", { name: "Sign in to watch the webcast" });
  await expect(signIn).toHaveAttribute("href", `/en/sign-in?next=${encodeURIComponent(`/en/hearing/${hearingId}`)}`);
  await expect(page.getByTestId("video-frame")).toHaveCount(0);
  expect(await page.content()).not.toContain("stream.example.test");
  // So is its live panel (docs/decisions/027-same-origin-and-members-only-stream.md): the page says so, and opens no stream.
  await expect(page.getByTestId("live-members-only")).toContainText("This hearing is for members only: its live panel is shown to members who have signed in.");
  await expect(page.getByTestId("live-panel")).toHaveCount(0);
  await expect(page.getByTestId("hearing-ask-form")).toHaveCount(0);
  await expect(page.getByTestId("hearing-ask-members-only")).toBeVisible();
  await expectAccessible(page);

  await page.goto(`/ar/hearing/${hearingId}`);
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("جلسة الاستماع إلى المرشحين");
  await expectAccessible(page);
});

test("a signed-in member is given the members-only stream", async ({ page, db, consoleErrors }) => {
  // The stream's address does not exist: the player may report that it cannot load it.
  consoleErrors.allow(/test-streams\.mux\.dev|Failed to load resource|ERR_NAME_NOT_RESOLVED|MediaError|manifest/i);
  const { hearingId } = await makeReadyHearing(db);
  // The player appears while the hearing runs (before, the page says when the webcast starts).
  const first = await db.hearingSlot.findFirstOrThrow({ where: { hearingId, position: 1 }, select: { id: true } });
  await db.hearing.update({
    where: { id: hearingId },
    data: {
      webcastKind: "URL",
      // On the one origin allowed by default (docs/decisions/028-media-origins.md), at an address that does not exist.
      webcastSource: "https://test-streams.mux.dev/hustings-missing/live.m3u8",
      webcastAccess: "MEMBERS",
      status: "LIVE",
      startedAt: new Date(),
      currentSlotId: first.id,
    },
  });
  await signInAs(page, await makeStaff(db, "MEMBER"));
  await page.goto(`/en/hearing/${hearingId}`);
  // The stream does not exist: the player is shown, then its failure in the reader's language.
  await expect(page.getByTestId("video-frame").or(page.getByTestId("video-failed"))).toBeVisible();
  await expect(page.getByTestId("webcast-members-only")).toHaveCount(0);
  await expect(page.getByTestId("hearing-ask-form")).toBeVisible();
});

test("the secretariat types in a card from the room and it reaches the chair's queue", async ({ page, browser, baseURL, db }) => {
  const { conference, hearingId, chair, secretariat, candidates } = await makeReadyHearing(db);
  const body = `${unique("What is your plan for rural connectivity")}?`;
  await signInAs(page, secretariat);
  await page.goto(`/en/admin/conferences/${conference.slug}/hearing`);
  const card = page.getByRole("form", { name: "Questions handed in on cards" });
  await card.getByLabel("To the candidate").selectOption({ label: `1. ${candidates[0]?.name}` });
  await card.getByLabel("Name on the card").fill("Kenji Sato");
  await card.getByLabel("A Member State").check();
  await card.getByLabel("Member State", { exact: true }).selectOption({ label: "Japan" });
  await card.getByLabel("Organisation, outlet or country").fill("Japan");
  await card.getByLabel("Source checked against the delegate's badge").check();
  // Without the question itself: refused, and what was typed stays.
  await card.getByRole("button", { name: "Add to the queue" }).click();
  await expect(card.getByTestId("form-error")).toBeVisible();
  await expect(card.getByLabel("Name on the card")).toHaveValue("Kenji Sato");
  await expect(card.getByLabel("A Member State")).toBeChecked();
  await expect(card.getByLabel("Member State", { exact: true })).toHaveValue("JP");
  await expect(card.getByLabel("Source checked against the delegate's badge")).toBeChecked();
  await card.getByLabel("The question").fill(body);
  await card.getByRole("button", { name: "Add to the queue" }).click();
  await expect(card.getByTestId("form-success")).toHaveText("The question is in the chair's queue.");

  const context = await browser.newContext({ baseURL });
  const chairPage = await context.newPage();
  await signInAs(chairPage, chair);
  await chairPage.goto("/en/chair");
  const item = chairPage.getByTestId("chair-queue").getByTestId("queue-question").filter({ hasText: body });
  await expect(item).toContainText("Kenji Sato (Japan), on a card in the room");
  await expect(item.getByTestId("queue-question-source")).toHaveText("Source: A Member State, Japan, Region E checked");
  await expect(item.getByTestId("queue-question-status")).toHaveText("Waiting for a decision");
  // Setting aside takes a reason (docs/fairness.md#after-the-hearing).
  await item.getByRole("button", { name: "Set aside" }).click();
  await expect(item.getByText("Give the reason for setting the question aside.")).toBeVisible();
  await item.getByLabel("Reason for setting aside").fill("Asked already by another delegation");
  await item.getByRole("button", { name: "Set aside" }).click();
  await expect(item.getByTestId("queue-question-status")).toHaveText("Set aside");
  await expect(item.getByTestId("queue-question-reason")).toHaveText("Set aside: Asked already by another delegation");
  await context.close();
  expect(
    await db.hearingQuestion.findFirstOrThrow({ where: { hearingId, body }, select: { status: true, setAsideReason: true, askerVerified: true } }),
  ).toEqual({
    status: "SET_ASIDE",
    setAsideReason: "Asked already by another delegation",
    askerVerified: true,
  });
});

test("the console and the webcast page in Arabic", async ({ page, db }) => {
  const { hearingId, chair } = await makeReadyHearing(db);
  await signInAs(page, chair);
  await page.goto("/ar/chair");
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("وحدة تحكم الرئيس");
  const moves = page.getByRole("form", { name: "إدارة جلسة الاستماع" });
  await moves.getByRole("button", { name: "افتتح جلسة الاستماع" }).click();
  await expect(moves.getByTestId("chair-start-dialog")).toContainText("لا يمكن التراجع عن الافتتاح");
  await expectAccessible(page);
  await confirmDialog(page);
  await expect(moves.getByTestId("form-success")).toHaveText("افتُتحت جلسة الاستماع.");
  await moves.getByRole("button", { name: "ابدأ العرض" }).click();
  await expect(page.getByTestId("live-phase")).toHaveText("العرض");
  await expectAccessible(page);
  await page.goto(`/ar/hearing/${hearingId}`);
  await expect(page.getByTestId("live-phase")).toHaveText("العرض");
  await expectAccessible(page);
});
