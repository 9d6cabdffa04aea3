import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import type { PrismaClient } from "../../lib/db/client";
import { allowedMediaOrigins, mediaHosts, mediaSources } from "../../lib/security/media-origins";
import { expect, signInAs, test } from "./support/fixtures";
import { SECOND_SERVER_MEDIA_ORIGINS, SECOND_SERVER_MUX, secondServer } from "./support/second-server";
import { unique } from "../support/factories";
import { makeStaff, makeWorld, makeWorldWithHearing } from "./support/world";

// docs/decisions/028-media-origins.md: every page's connect-src and media-src name this origin,
// Mux's hosts when Mux is configured and MEDIA_ORIGINS, as the running server's environment
// says; the demo's webcast (on test-streams.mux.dev, allowed by default) still reaches the
// player; one saved on an origin no longer allowed is not played, and the page says why.

/** The demo's webcast (prisma/demo/live.ts) and its recording's kind of address. */
const DEMO_WEBCAST = "https://test-streams.mux.dev/x36xhzz/x36xhzz.m3u8";
const MP4 = readFileSync(path.resolve("tests/fixtures/video/sample.mp4"));

function directive(policy: string | undefined, name: string): string | undefined {
  return policy
    ?.split(";")
    .map((d) => d.trim())
    .find((d) => d.startsWith(`${name} `));
}

/** Each connect-src and media-src as `sources` make them, and no bare `https:` anywhere. */
function expectMediaPolicy(policy: string | undefined, sources: readonly string[]) {
  const listed = sources.length > 0 ? ` ${sources.join(" ")}` : "";
  expect(directive(policy, "connect-src")).toBe(`connect-src 'self'${listed}`);
  expect(directive(policy, "media-src")).toBe(`media-src 'self' blob:${listed}`);
  expect(policy).not.toMatch(/(^|\s)https:(\s|;|$)/);
}

/** Every policy violation the page reports, gathered from the document's first script on. */
async function watchViolations(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []);
}

/** A hearing of its own, public, running (or ended) with `data`'s webcast or recording. */
async function hearingWith(db: PrismaClient, data: { status: "LIVE" | "ENDED"; webcastSource?: string; recordingUrl?: string }) {
  const { hearing } = await makeWorldWithHearing(db, { ready: true });
  const first = await db.hearingSlot.findFirstOrThrow({ where: { hearingId: hearing.id, position: 1 }, select: { id: true } });
  await db.hearing.update({
    where: { id: hearing.id },
    data: {
      status: data.status,
      startedAt: new Date(Date.now() - 60_000),
      currentSlotId: data.status === "LIVE" ? first.id : null,
      webcastKind: data.webcastSource ? "URL" : "NONE",
      webcastSource: data.webcastSource ?? null,
      webcastAccess: "PUBLIC",
      recordingUrl: data.recordingUrl ?? null,
    },
  });
  return hearing.id;
}

test("a public page's and a signed-in page's policy name exactly the configured media origins", async ({ page, request, db }) => {
  // This server's environment is this process's (playwright.config.ts passes it on).
  const sources = mediaSources(process.env);
  const publicPage = await request.get("/en");
  expect(publicPage.status()).toBe(200);
  const publicPolicy = publicPage.headers()["content-security-policy"];
  expect(publicPolicy).toContain("'sha256-");
  expectMediaPolicy(publicPolicy, sources);

  await signInAs(page, await makeStaff(db, "SECRETARIAT"));
  const signedIn = await page.goto("/en/admin");
  expect(signedIn?.status()).toBe(200);
  const noncePolicy = signedIn?.headers()["content-security-policy"];
  expect(noncePolicy).toContain("'nonce-");
  expectMediaPolicy(noncePolicy, sources);
});

test("a server given MEDIA_ORIGINS and Mux at its start serves them on every kind of page, whatever its build was made with", async () => {
  // The suite's second server is given both at its start (./support/second-server.ts); its build is the suite's.
  const server = await secondServer();
  const expected = ["https://*.mux.com", "https://storage.googleapis.com", new URL(SECOND_SERVER_MUX.apiUrl).origin, ...SECOND_SERVER_MEDIA_ORIGINS];
  // A public page (its policy rewritten per response by server.ts) and a nonce page (proxy.ts).
  for (const [pathname, kind] of [
    ["/en", "'sha256-"],
    ["/en/sign-in", "'nonce-"],
  ] as const) {
    const response = await fetch(`${server.url}${pathname}`);
    expect(response.status, server.output()).toBe(200);
    const policy = response.headers.get("content-security-policy") ?? undefined;
    expect(policy).toContain(kind);
    expectMediaPolicy(policy, expected);
  }
});

test("the demo's webcast reaches the player through the page's policy: playlist and segment fetched, nothing refused", async ({ page, db, consoleErrors }) => {
  // The stand-in segment is not real video: the player may say it cannot decode it. A refusal
  // by the policy would still fail the test (its console message names the policy).
  consoleErrors.allow(/^(?![\s\S]*Content Security Policy)/);
  const fetched: string[] = [];
  // No network in the tests: test-streams.mux.dev answers from here, past the page's policy.
  await page.route("https://test-streams.mux.dev/**", (route) => {
    const url = route.request().url();
    fetched.push(new URL(url).pathname);
    if (url.endsWith(".m3u8")) {
      return route.fulfill({
        contentType: "application/vnd.apple.mpegurl",
        headers: { "access-control-allow-origin": "*" },
        body: "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:2\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:2.0,\nsegment0.ts\n#EXT-X-ENDLIST\n",
      });
    }
    return route.fulfill({ contentType: "video/mp2t", headers: { "access-control-allow-origin": "*" }, body: Buffer.alloc(188 * 4, 0x47) });
  });
  const violations = await watchViolations(page);
  const hearingId = await hearingWith(db, { status: "LIVE", webcastSource: DEMO_WEBCAST });
  await page.goto(`/en/hearing/${hearingId}`);
  await expect(page.getByTestId("video-frame").or(page.getByTestId("video-failed"))).toBeVisible();
  await expect.poll(() => fetched, { timeout: 20_000 }).toEqual(expect.arrayContaining(["/x36xhzz/x36xhzz.m3u8", "/x36xhzz/segment0.ts"]));
  expect(await violations()).toEqual([]);
  await expect(page.getByTestId("video-not-allowed")).toHaveCount(0);
});

test("a recording on the demo's origin plays (its metadata loads) under the page's policy", async ({ page, db }) => {
  await page.route("https://test-streams.mux.dev/**", (route) =>
    route.fulfill({ contentType: "video/mp4", headers: { "access-control-allow-origin": "*", "accept-ranges": "bytes" }, body: MP4 }),
  );
  const violations = await watchViolations(page);
  const hearingId = await hearingWith(db, {
    status: "ENDED",
    webcastSource: DEMO_WEBCAST,
    recordingUrl: "https://test-streams.mux.dev/hustings/recording.mp4",
  });
  await page.goto(`/en/hearing/${hearingId}`);
  await expect(page.getByTestId("video-frame")).toBeVisible();
  // One second of video: the player has read its length from the file.
  await expect
    .poll(() => page.evaluate(() => Number((document.querySelector("mux-player") as unknown as { duration?: number } | null)?.duration ?? 0)), {
      timeout: 20_000,
    })
    .toBeGreaterThan(0.5);
  expect(await violations()).toEqual([]);
});

test("a webcast saved on an origin no longer allowed shows why instead of a player, in the reader's language, and nothing is fetched from it", async ({
  page,
  db,
}) => {
  const asked: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("old.example.org")) asked.push(r.url());
  });
  const hearingId = await hearingWith(db, { status: "LIVE", webcastSource: "https://old.example.org/live/master.m3u8" });
  await page.goto(`/en/hearing/${hearingId}`);
  await expect(page.getByTestId("video-not-allowed")).toHaveText(
    "This video is not shown: it comes from old.example.org, a site this portal no longer plays videos from.",
  );
  await expect(page.getByTestId("video-frame")).toHaveCount(0);
  await page.goto(`/fr/hearing/${hearingId}`);
  await expect(page.getByTestId("video-not-allowed")).toContainText("old.example.org, un site depuis lequel ce portail ne lit plus de vidéos");
  expect(asked).toEqual([]);
});

test("a candidate's video address on another origin is refused in the form's language, naming the allowed hosts; what was typed stays and nothing is saved", async ({
  page,
  db,
}) => {
  const { candidates } = await makeWorld(db, { posts: 1 });
  const candidate = candidates[0];
  if (!candidate?.user) throw new Error("no candidate account");
  const video = await db.material.create({ data: { candidateId: candidate.id, kind: "VIDEO", title: unique("Video"), language: "en" } });
  await signInAs(page, candidate.user);
  await page.goto(`/en/my/materials/${video.id}`);
  const form = page.getByRole("form", { name: "Or play a video from another site" });
  const field = form.getByLabel("Address of the video (https)");
  // The field says which hosts it takes before anything is sent.
  // The server's list is this process's (playwright.config.ts passes it on): the demo's unless told.
  const hosts = mediaHosts(allowedMediaOrigins(process.env));
  await expect(page.getByText(`Addresses are taken only on these hosts: ${hosts}.`)).toBeVisible();
  await field.fill("https://elsewhere.example/campaign/master.m3u8");
  await form.getByRole("button", { name: "Use this address" }).click();
  await expect(form.getByTestId("form-error")).toContainText(
    `Videos from other sites are played here only from these hosts: ${hosts}. Give an address on one of them.`,
  );
  await expect(form).toContainText("This address is not on a host this portal plays videos from.");
  await expect(field).toHaveValue("https://elsewhere.example/campaign/master.m3u8");
  expect(await db.material.findUniqueOrThrow({ where: { id: video.id }, select: { videoSource: true, url: true } })).toEqual({ videoSource: null, url: null });
});
