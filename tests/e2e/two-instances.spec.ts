import { cpSync, rmSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { createDb } from "../../lib/db/client";
import { asAppRole } from "../../lib/db/roles";
import { startNextServer, type NextServer } from "../support/next-server";
import { openForum, spreadOut } from "./support/forum";
import { e2eBaseUrl } from "./support/session";

// Two instances on one database (docs/decisions/030-cache-across-instances.md): the suite's
// server (A) and a second production server (B) with its own copy of the build folder, so that
// each keeps its own page cache, as two machines would. A question asked through A must show
// on B's cached page within 2 s. No browser: what is checked is what each server sends.

const received = (html: string) => /data-testid="count-received"[^>]*>([^<]*)</.exec(html)?.[1];

async function visit(server: string, path: string) {
  const response = await fetch(`${server}${path}`);
  return { status: response.status, cache: response.headers.get("x-nextjs-cache"), received: received(await response.text()) };
}

test("a question asked through one instance shows on the other's cached page within 2 s", async ({ request }) => {
  test.setTimeout(180_000);
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is needed");
  const distDir = process.env.NEXT_DIST_DIR || ".next";
  const copy = `${distDir}-second-instance`;
  const db = createDb(url);
  let b: NextServer | undefined;
  try {
    rmSync(copy, { recursive: true, force: true });
    // The build alone: not the first server's cache, nor the standalone copy.
    cpSync(distDir, copy, { recursive: true, filter: (source) => !/[/\\](cache|standalone)$/.test(source) });
    b = await startNextServer({ databaseUrl: asAppRole(url, process.env.TEST_APP_ROLE_PASSWORD), distDir: copy });
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
    if (b) console.log(b.output());
    throw error;
  } finally {
    await b?.stop();
    rmSync(copy, { recursive: true, force: true });
    await db.$disconnect();
  }
});
