// Does a chair's move re-render the cached webcast page? Through HTTP against the production server (server.ts).
//
// Usage: npx tsx bench/move-render.ts [loads=200]
//   Needs a production build (`next build`; NEXT_DIST_DIR names another folder than .next) of
//   its own: the pages it renders are cached in that build's folder. Starts a PostgreSQL of its
//   own (tests/support/own-postgres.ts) and the production server against it, stops both at the end.
//
// The chair, signed in with a minted session (tests/e2e/support/session.ts), presses the
// console's buttons as a browser without JavaScript would (the form's own fields, posted);
// after each move, `loads` simultaneous requests for the hearing's webcast page are counted by
// the cache's answer (x-nextjs-cache: HIT, or a render: MISS/STALE/none) with their latencies.
// The start and the end change the page (status, record) and must re-render it; the other
// moves must not (docs/decisions/020-live-stream-recovery.md).

export {};

const loads = Math.min(Math.max(Number(process.argv[2] ?? 200), 1), 2000);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
  return `p50 ${Math.round(at(50))} ms, p95 ${Math.round(at(95))} ms, max ${Math.round(sorted.at(-1) ?? Number.NaN)} ms`;
}

/** The hidden fields of the console's form that holds the button `move=<move>`, and the button's own pair. */
function moveForm(html: string, move: string): URLSearchParams | null {
  for (const form of html.match(/<form[\s\S]*?<\/form>/g) ?? []) {
    if (!new RegExp(`name="move"[^>]*value="${move}"|value="${move}"[^>]*name="move"`).test(form)) continue;
    const fields = new URLSearchParams();
    for (const input of form.match(/<input[^>]*>/g) ?? []) {
      const name = /name="([^"]*)"/.exec(input)?.[1];
      if (!name || /type="(checkbox|radio|submit)"/.test(input)) continue;
      fields.append(name, decode(/value="([^"]*)"/.exec(input)?.[1] ?? ""));
    }
    // The start's and the end's forms carry their move as a hidden field, and are confirmed in a dialog.
    fields.set("move", move);
    if (move === "end" || move === "start") fields.set("confirmed", "yes");
    return fields;
  }
  return null;
}

function decode(value: string): string {
  return value.replaceAll("&quot;", '"').replaceAll("&#x27;", "'").replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
}

async function main() {
  process.env.AUTH_SECRET ??= "e2e-only-secret-not-for-production-0123456789";
  const { startOwnPostgres } = await import("../tests/support/own-postgres");
  const { startNextServer } = await import("../tests/support/next-server");
  const { createDb } = await import("../lib/db/client");
  const { makeWorldWithHearing } = await import("../tests/e2e/support/world");
  const { sessionToken, SESSION_COOKIE } = await import("../tests/e2e/support/session");
  const cleanups: Array<() => Promise<unknown>> = [];
  const own = await startOwnPostgres();
  cleanups.push(() => own.stop());
  try {
    const owner = createDb(own.url);
    cleanups.unshift(() => owner.$disconnect());
    const server = await startNextServer({ databaseUrl: own.appUrl });
    cleanups.unshift(() => server.stop());
    const { hearing, chair } = await makeWorldWithHearing(owner, { posts: 2, ready: true });
    const cookie = `${SESSION_COOKIE}=${await sessionToken({ id: chair.id }, owner)}`;
    const page = `${server.url}/en/hearing/${hearing.id}`;

    const crowd = async () => {
      const results = await Promise.all(
        Array.from({ length: loads }, async () => {
          const started = performance.now();
          const response = await fetch(page);
          await response.arrayBuffer();
          return { cache: response.headers.get("x-nextjs-cache") ?? "none", status: response.status, ms: performance.now() - started };
        }),
      );
      const counts = new Map<string, number>();
      for (const r of results) counts.set(`${r.status} ${r.cache}`, (counts.get(`${r.status} ${r.cache}`) ?? 0) + 1);
      return `${[...counts].map(([k, n]) => `${k}×${n}`).join(", ")}; ${stats(results.map((r) => r.ms))}`;
    };
    const press = async (move: string) => {
      const console = await fetch(`${server.url}/en/chair?hearing=${hearing.id}`, { headers: { cookie } });
      const fields = moveForm(await console.text(), move);
      if (!fields) throw new Error(`the console shows no "${move}" button`);
      const body = new FormData();
      for (const [name, value] of fields) body.append(name, value);
      const response = await fetch(`${server.url}/en/chair?hearing=${hearing.id}`, {
        method: "POST",
        body,
        headers: { cookie, origin: server.url },
        redirect: "manual",
      });
      await response.arrayBuffer();
      const { stateVersion } = await owner.hearing.findUniqueOrThrow({ where: { id: hearing.id }, select: { stateVersion: true } });
      return { status: response.status, stateVersion };
    };

    // Warm: the page is rendered once and cached.
    for (let i = 0; i < 3; i++) await (await fetch(page)).arrayBuffer();
    console.log(`\nmove-render: ${loads} simultaneous loads of /en/hearing/<id> after each chair move (server ${server.url})\n`);
    console.log(`before any move              ${await crowd()}`);
    for (const move of ["start", "startPresentation", "pause", "resume", "startQa"]) {
      const { status, stateVersion } = await press(move);
      await sleep(200);
      console.log(`after ${move.padEnd(18)} (HTTP ${status}, version ${stateVersion})  ${await crowd()}`);
    }
  } finally {
    for (const cleanup of cleanups) await cleanup().catch((error: unknown) => console.error("cleanup:", error));
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
