import { createHash, randomBytes } from "node:crypto";
import { request as httpRequest } from "node:http";
import { expect, expectAccessible, test } from "./support/fixtures";
import { makeWorldWithHearing } from "./support/world";

// What only a browser shows of the live captions (docs/decisions/040-captions.md): a cue posted to
// the ingest reaches a viewer's page on the hearing's stream and shows as a caption, whose switch,
// language and place work from the keyboard and are remembered across a reload. The ingest's
// rules, the stream's frames and the tracks are tests/integration/captions.test.ts's.

test("a captioner's cue shows as a caption on a viewer's page, with controls that work by keyboard, in English and Arabic", async ({
  page,
  db,
  consoleErrors,
}) => {
  test.setTimeout(60_000);
  // The stream's address does not exist: the player may report that it cannot load it.
  consoleErrors.allow(/test-streams\.mux\.dev|Failed to load resource|ERR_NAME_NOT_RESOLVED|MediaError|manifest/i);
  const { hearing } = await makeWorldWithHearing(db, { posts: 2, ready: true });
  const first = await db.hearingSlot.findFirstOrThrow({ where: { hearingId: hearing.id, position: 1 }, select: { id: true } });
  await db.hearing.update({
    where: { id: hearing.id },
    data: {
      webcastKind: "URL",
      // On the one origin allowed by default (docs/decisions/028-media-origins.md), at an address that does not exist.
      webcastSource: "https://test-streams.mux.dev/hustings-missing/live.m3u8",
      status: "LIVE",
      startedAt: new Date(),
      currentSlotId: first.id,
    },
  });
  // A key as the secretariat issues it: only its hash is stored.
  const key = `hcap_${randomBytes(32).toString("base64url")}`;
  await db.captionerKey.create({ data: { hearingId: hearing.id, label: "e2e", keyHash: createHash("sha256").update(key).digest("hex") } });

  await page.goto(`/en/hearing/${hearing.id}`);
  const captions = page.getByTestId("live-captions");
  await expect(captions).toHaveText("Captions appear here as the captioner writes them.");
  await expect(page.getByTestId("live-connection")).toHaveAttribute("data-state", "live");

  const sent = await page.request.post(`/api/hearings/${hearing.id}/captions`, {
    headers: { authorization: `Bearer ${key}` },
    data: {
      cues: [
        { language: "floor", seq: 1, text: "Good morning, <delegates>." },
        { language: "fr", seq: 1, text: "Bonjour, Mesdames et Messieurs." },
      ],
    },
  });
  expect(await sent.json()).toEqual({ accepted: 2, duplicates: 0 });
  // A body sent without a length (chunked) is read only up to the limit, then refused.
  expect(await postChunked(new URL(`/api/hearings/${hearing.id}/captions`, page.url()), key, 200 * 1024)).toBe(413);
  // The floor by default on an English page without English captions; the text as text, never markup.
  await expect(captions).toHaveText("Good morning, <delegates>.");
  await expect(captions).toHaveAttribute("aria-live", "polite");

  const controls = page.getByRole("group", { name: "Caption settings" });
  const toggle = controls.getByRole("switch", { name: "Show captions" });
  await toggle.focus();
  await page.keyboard.press("Space");
  await expect(captions).toHaveCount(0);
  await page.keyboard.press("Space");
  await expect(captions).toHaveText("Good morning, <delegates>.");

  const language = controls.getByLabel("Caption language");
  await language.focus();
  await page.keyboard.press("ArrowDown");
  await expect(language).toHaveValue("fr");
  await expect(captions).toHaveText("Bonjour, Mesdames et Messieurs.");
  await expect(captions).toHaveAttribute("lang", "fr");
  await expect(controls).toContainText("The floor is the original speech");

  const place = controls.getByLabel("Where captions show");
  await place.focus();
  await page.keyboard.press("ArrowDown");
  await expect(place).toHaveValue("over");
  await expectAccessible(page);

  // Remembered in this browser; the latest captions come with the stream's opening.
  await page.goto(`/ar/hearing/${hearing.id}`);
  const arabic = page.getByRole("group", { name: "إعدادات الترجمة النصية" });
  await expect(arabic.getByLabel("موضع الترجمة النصية")).toHaveValue("over");
  await expect(arabic.getByLabel("لغة الترجمة النصية")).toHaveValue("fr");
  await expect(page.getByTestId("live-captions")).toHaveText("Bonjour, Mesdames et Messieurs.");
  await expectAccessible(page);
});

/** POSTs `bytes` of JSON-looking text in 16 KiB chunks with no Content-Length; resolves with the status. */
function postChunked(url: URL, key: string, bytes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    // The server may answer and close before every chunk is written.
    req.on("error", (error: NodeJS.ErrnoException) => (error.code === "EPIPE" || error.code === "ECONNRESET" ? undefined : reject(error)));
    const chunk = Buffer.alloc(16 * 1024, "a");
    req.write('{"text":"');
    for (let sent = 0; sent < bytes; sent += chunk.length) req.write(chunk);
    req.end('"}');
  });
}
