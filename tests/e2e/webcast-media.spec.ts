import type { Page } from "@playwright/test";
import type { PrismaClient } from "../../lib/db/client";
import { chaptersVtt } from "../../lib/hearings/chapters";
import { unique } from "../support/factories";
import { makeHearingWithDraws } from "../support/factories-after";
import { expectAccessible, expect, test } from "./support/fixtures";
import { makeWorldConference } from "./support/world";

// The hearing's recording with interpretation, in a browser (docs/decisions/039-interpretation-and-player.md):
// only a browser plays the portal's multi-audio stand-in (public/media/interpretation) through
// the player and shows which rendition it starts on, the player's words and focus ring, and a
// chapter link taking the player there. The choice, the chapters and the declaration are the
// services' and the pure modules' (tests/unit/interpretation-player.test.ts,
// tests/unit/hearing-chapters-questions.test.ts, tests/integration/hearing-interpretation.test.ts).

/** An ended hearing replaying the stand-in, interpreted into Arabic, English and French, with two chapters inside its four seconds. */
async function replayWithInterpretation(db: PrismaClient) {
  const conference = await makeWorldConference(db);
  const made = await makeHearingWithDraws(db, { conferenceId: conference.id, status: "ENDED", names: [unique("Ada Lovelace"), unique("Chen Li")] });
  const [first, second] = made.candidates;
  if (!first || !second) throw new Error("two candidates expected");
  await db.hearing.update({
    where: { id: made.hearingId },
    data: {
      recordingUrl: "/media/interpretation/master.m3u8",
      interpretationLanguages: ["ar", "en", "fr"],
      chaptersVtt: chaptersVtt([
        { candidateId: first.id, name: first.name, startMs: 0, endMs: 2_000 },
        { candidateId: second.id, name: second.name, startMs: 2_000, endMs: 4_000 },
      ]),
    },
  });
  // Recorded captions in English, so the control bar has its captions menu too.
  await db.hearingCaptionTrack.create({ data: { hearingId: made.hearingId, language: "en", vtt: "WEBVTT\n\n00:00:00.000 --> 00:00:03.000\nGood morning.\n" } });
  return { hearingId: made.hearingId, second };
}

type Rendition = { language: string; label: string; enabled: boolean };

/** The player's audio renditions as it lists them, once the stream's are all there. */
async function renditions(page: Page): Promise<Rendition[]> {
  await expect
    .poll(() =>
      page.evaluate(
        () => [...((document.querySelector("mux-player") as unknown as { media?: { audioTracks?: Iterable<unknown> } })?.media?.audioTracks ?? [])].length,
      ),
    )
    .toBe(7);
  return page.evaluate(() =>
    [...(document.querySelector("mux-player") as unknown as { media: { audioTracks: Iterable<Rendition> } }).media.audioTracks].map((t) => ({
      language: t.language,
      label: t.label,
      enabled: t.enabled,
    })),
  );
}

/** The languages of the renditions the player plays (one, once it has chosen). */
async function enabled(page: Page): Promise<string[]> {
  return (await renditions(page)).filter((r) => r.enabled).map((r) => r.language);
}

/** The element that has the keyboard's focus, through the player's shadow roots; a menu item by its text. */
function focused(page: Page) {
  return page.evaluate(() => {
    let at: Element | null = document.activeElement;
    while (at?.shadowRoot?.activeElement) at = at.shadowRoot.activeElement;
    if (!at) return null;
    // A menu item's name is its text (its style sheet is in it too).
    const text = [...at.childNodes]
      .filter((n) => n.nodeType === Node.TEXT_NODE || (n as Element).localName === "span")
      .map((n) => n.textContent)
      .join("");
    const label = at.getAttribute("aria-label") ?? (at.localName.endsWith("menu-item") ? text.trim() : null);
    return { tag: at.localName, label, ring: getComputedStyle(at).boxShadow };
  });
}

/** The focus ring the player's controls show (components/video/video-player.tsx). */
/** Whether the player's audio menu is shown (it sits in the player's shadow roots). */
async function audioMenuOpen(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const find = (root: Document | ShadowRoot): Element | null => {
      const here = root.querySelector("media-audio-track-menu");
      if (here) return here;
      for (const element of root.querySelectorAll("*")) {
        const inner = element.shadowRoot ? find(element.shadowRoot) : null;
        if (inner) return inner;
      }
      return null;
    };
    const menu = find(document);
    if (menu === null) return false;
    if (!menu.hasAttribute("hidden") || menu.checkVisibility({ checkVisibilityCSS: true })) return true;
    // Hiding is a transition: until it ends, the menu's items are still shown and in the tab order.
    const items = [...menu.querySelectorAll("*"), ...(menu.shadowRoot?.querySelectorAll("*") ?? [])];
    return menu.getAnimations({ subtree: true }).length > 0 || items.some((item) => item.checkVisibility({ checkVisibilityCSS: true }));
  });
}

const RING = "rgb(255, 210, 77) 0px 0px 0px 3px inset";

/** Tabs forward until the control `tag` has the focus (each Tab a step; never more than the page's controls). */
async function tabTo(page: Page, tag: string) {
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press("Tab");
    const now = await focused(page);
    if (now?.tag === tag) return now;
  }
  throw new Error(`Tab never reached ${tag}`);
}

test("the recording starts on the page's interpretation, says the floor is authentic, switches by keyboard and opens at a chapter", async ({ page, db }) => {
  const { hearingId, second } = await replayWithInterpretation(db);
  await page.goto(`/en/hearing/${hearingId}`);
  await expect(page.getByTestId("webcast-interpretation")).toContainText("Interpretation into: Arabic, English, and French.");
  await expect(page.getByTestId("floor-notice")).toHaveText(/The floor, the original speech of each speaker, is the authentic record/);
  await expect.poll(() => enabled(page)).toEqual(["en"]);
  // The player names each rendition in the page's language as the stream adds it: the stream's own names may show first.
  await expect
    .poll(async () => (await renditions(page)).map((r) => r.label))
    .toEqual(["Floor (original speech)", "Arabic", "English", "Spanish", "French", "Russian", "Chinese"]);
  await expectAccessible(page);

  // The keyboard alone: into the player, play, then along its control bar to the audio menu,
  // each control showing the focus ring; the menu opens and switches the rendition; then captions.
  await page.getByTestId("video-frame").focus();
  expect(await tabTo(page, "media-play-button")).toMatchObject({ label: "play", ring: expect.stringContaining(RING) });
  // Space plays, Enter pauses again: the rest does not race the stand-in's four seconds.
  const paused = () => page.evaluate(() => (document.querySelector("mux-player") as unknown as { paused: boolean }).paused);
  await page.keyboard.press("Space");
  await expect.poll(paused).toBe(false);
  expect(await focused(page)).toMatchObject({ tag: "media-play-button", label: "pause" });
  await page.keyboard.press("Enter");
  await expect.poll(paused).toBe(true);
  expect(await tabTo(page, "media-audio-track-menu-button")).toMatchObject({ label: "Audio", ring: expect.stringContaining(RING) });
  await page.keyboard.press("Enter");
  // The menu lists the renditions by their names in the page's language, the floor first.
  await expect.poll(async () => (await focused(page))?.label).toBe("Floor (original speech)");
  for (let i = 0; i < 7 && (await focused(page))?.label !== "Spanish"; i++) await page.keyboard.press("ArrowDown");
  expect(await focused(page)).toMatchObject({ tag: "media-chrome-menu-item", label: "Spanish", ring: expect.stringContaining(RING) });
  await page.keyboard.press("Enter");
  await expect.poll(() => enabled(page)).toEqual(["es"]);
  // The menu closed on the audio button; the captions menu is the next control. The menu hides
  // itself after the choice with a fade (its "hidden" set at once, its items shown for ~150 ms
  // more): until the fade ends, its items are still in the tab order.
  expect(await focused(page)).toMatchObject({ tag: "media-audio-track-menu-button" });
  await expect.poll(() => audioMenuOpen(page)).toBe(false);
  await page.keyboard.press("Tab");
  expect(await focused(page)).toMatchObject({ tag: "media-captions-menu-button", ring: expect.stringContaining(RING) });

  // A chapter link takes the player there.
  await page.getByTestId(`chapter-${second.id}`).click();
  await expect(page).toHaveURL(/#t=2$/);
  await expect
    .poll(() => page.evaluate(() => (document.querySelector("mux-player") as unknown as { currentTime: number }).currentTime))
    .toBeGreaterThanOrEqual(2);
});

test("in Arabic the player's controls are Arabic and it starts on the Arabic interpretation", async ({ page, db }) => {
  const { hearingId } = await replayWithInterpretation(db);
  await page.goto(`/ar/hearing/${hearingId}`);
  await expect.poll(() => enabled(page)).toEqual(["ar"]);
  await expect.poll(async () => (await renditions(page)).find((r) => r.language === "mul")?.label).toBe("صوت القاعة (الكلام الأصلي)");
  await expect(page.getByTestId("floor-notice")).toContainText("هو السجل الرسمي المعتمد");
  await page.getByTestId("video-frame").focus();
  expect(await tabTo(page, "media-play-button")).toMatchObject({ label: "تشغيل", ring: expect.stringContaining(RING) });
  await expectAccessible(page);
});
