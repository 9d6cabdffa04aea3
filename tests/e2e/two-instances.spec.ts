import { expect, test } from "@playwright/test";
import { createDb } from "../../lib/db/client";
import { openForum, spreadOut } from "./support/forum";
import { secondServer } from "./support/second-server";
import { e2eBaseUrl } from "./support/session";

// Two instances on one database (docs/decisions/030-cache-across-instances.md): the suite's
// server (A) and its second production server (B, ./support/second-server.ts) with its own copy
// of the build folder, so that each keeps its own page cache, as two machines would. A question
// asked through A must show on B's cached page within 2 s. No browser: what is checked is what
// each server sends.

const received = (html: string) => /data-testid="count-received"[^>]*>([^<]*)</.exec(html)?.[1];

async function visit(server: string, path: string) {
  const response = await fetch(`${server}${path}`);
  return { status: response.status, cache: response.headers.get("x-nextjs-cache"), received: received(await response.text()) };
}

test("a question asked through one instance shows on the other's cached page within 2 s", async ({ request }) => {
  test.setTimeout(180_000);
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is needed");
  const db = createDb(url);
  const b = await secondServer();
  try {
    const second = b.url;
    const { candidate } = await openForum(db);
    const path = `/en/candidates/${candidate.id}`;

    // Each instance has the page cached, nothing received: B answers it from its cache.
    await expect.poll(async () => (await visit(second, path)).cache, { timeout: 30_000 }).toBe("HIT");
    expect(await visit(second, path)).toEqual({ status: 200, cache: "HIT", received: "0" });
    expect(received(await (await request.get(path)).text())).toBe("0");

    const asked = await request.post("/api/forum/questions?locale=en", {
      // As the page's own script sends it: from this site (docs/decisions/027-same-origin-and-members-only-stream.md).
      headers: { origin: e2eBaseUrl() },
      data: { candidateId: candidate.id, askerName: "Amina Diallo", body: "How will you connect the unconnected?" },
    });
    const answered = Date.now();
    expect(asked.status()).toBe(201);
    await spreadOut(db, candidate.id);

    await expect.poll(async () => (await visit(second, path)).received, { timeout: 2_000, intervals: [50] }).toBe("1");
    const shownAfterMs = Date.now() - answered;
    test.info().annotations.push({ type: "shown on the second instance after", description: `${shownAfterMs} ms` });
    expect(shownAfterMs).toBeLessThanOrEqual(2_000);
    // And A, which made the change, shows it too.
    expect(received(await (await request.get(path)).text())).toBe("1");
  } catch (error) {
    console.log(b.output());
    throw error;
  } finally {
    await db.$disconnect();
  }
});
