import { expect, test } from "./support/fixtures";
import { makeWorld } from "./support/world";

// What a CDN in front of the portal may keep, read through the running production server
// (server.ts): a public page, as HTML and as the payload of a client-side navigation, is kept a
// few seconds by shared caches and refreshed in the background, never the year Next marks it
// with; a signed-in page and a private answer are kept by no one (lib/http/shared-cache.ts).

const SHARED = /^public, max-age=0, s-maxage=(\d+), stale-while-revalidate=(\d+)$/;

test("public pages are kept seconds, not a year, by caches in front; private ones by none", async ({ request, db }) => {
  const { conference, candidates } = await makeWorld(db, { posts: 1 });
  const candidate = candidates[0];
  if (!candidate) throw new Error("the world has no candidate");
  for (const path of ["/en", `/en/candidates/${candidate.id}`, `/fr/conferences/${conference.slug}`]) {
    for (const headers of [{}, { RSC: "1" }] as Record<string, string>[]) {
      // A navigation's payload is asked with RSC: 1 and Next's cache-busting query, which it adds by a redirect.
      const answer = await request.get(path, { headers, maxRedirects: headers.RSC ? 1 : 0 });
      expect(answer.status(), `${path} → ${answer.headers()["location"] ?? ""}`).toBe(200);
      const cacheControl = answer.headers()["cache-control"] ?? "";
      const [, sMaxAge, swr] = SHARED.exec(cacheControl) ?? [];
      expect(cacheControl, `${path} ${JSON.stringify(headers)}`).toMatch(SHARED);
      expect(Number(sMaxAge)).toBeLessThanOrEqual(5);
      expect(Number(swr)).toBe(60);
    }
  }
  // Signed-in areas and the session are nobody's to keep.
  const mine = await request.get("/en/my", { maxRedirects: 0 });
  expect(mine.headers()["cache-control"] ?? "").not.toMatch(/s-maxage|public/);
  const session = await request.get("/api/session");
  expect(session.headers()["cache-control"]).toBe("private, no-store");
});
