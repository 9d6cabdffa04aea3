// Load on a running production server (server.ts) for the burst bench (bench/burst.ts) and its
// CI-sized spec (tests/e2e/hearing-burst.spec.ts): viewers holding the live hearing's event
// stream open, and questions sent from many distinct source addresses. Loopback is all of
// 127.0.0.0/8 on Linux, so each question's socket is bound to an address of its own
// (`localAddress`) and the server sees that address as the client's (server.ts puts the
// socket's address in X-Forwarded-For).
// No "server-only": plain Node, no app code.
import http from "node:http";

/** The `i`th source address: 127.20.x.y, never a network or broadcast-looking last byte. */
export function sourceAddress(i: number): string {
  return `127.20.${Math.floor(i / 250) % 250}.${(i % 250) + 1}`;
}

export type Viewers = {
  /** Viewers whose stream has delivered its opening state. */
  opened(): number;
  /** Resolves once `count` have opened, or rejects after `ms`. */
  allOpen(ms: number): Promise<void>;
  /** Streams that ended with an HTTP status other than 200, by status. */
  refused(): Record<number, number>;
  close(): void;
};

/**
 * `count` viewers of `hearingId`'s event stream, as browsers would hold it: a stream that ends
 * or fails before its opening state (a `failure` event, a refused connection) is opened again
 * after 1 to 3 s, as the live panel does (only sooner).
 */
export function openViewers(baseUrl: string, hearingId: string, count: number): Viewers {
  const agent = new http.Agent({ keepAlive: true, maxSockets: count + 10 });
  const requests = new Set<http.ClientRequest>();
  const refused: Record<number, number> = {};
  let opened = 0;
  let closed = false;
  const waiters: (() => void)[] = [];
  const connect = () => {
    if (closed) return;
    let first = true;
    const retry = () => {
      requests.delete(request);
      if (first && !closed) setTimeout(connect, 1_000 + Math.random() * 2_000).unref();
    };
    const request = http.get(`${baseUrl}/api/hearings/${hearingId}/events`, { agent, headers: { accept: "text/event-stream" } }, (response) => {
      if (response.statusCode !== 200) {
        refused[response.statusCode ?? 0] = (refused[response.statusCode ?? 0] ?? 0) + 1;
        response.resume();
        response.on("end", retry);
        return;
      }
      let buffer = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        if (!first) return;
        buffer += chunk;
        if (/^id: \d+$/m.test(buffer)) {
          first = false;
          buffer = "";
          opened += 1;
          if (opened === count) for (const wake of waiters.splice(0)) wake();
        }
      });
      response.on("end", retry);
      response.on("error", () => undefined);
    });
    request.on("error", retry);
    requests.add(request);
  };
  for (let i = 0; i < count; i++) connect();
  return {
    opened: () => opened,
    refused: () => ({ ...refused }),
    allOpen: (ms) =>
      new Promise<void>((resolve, reject) => {
        if (opened === count) return resolve();
        const timer = setTimeout(() => reject(new Error(`${opened} of ${count} viewers opened within ${ms} ms`)), ms);
        waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      }),
    close() {
      closed = true;
      for (const request of requests) request.destroy();
      agent.destroy();
    },
  };
}

export type QuestionOutcome = { status: number; body: string; address: string; ms: number };

function post(baseUrl: string, path: string, payload: unknown, localAddress: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const data = JSON.stringify(payload);
  return new Promise((resolve) => {
    const request = http.request(
      `${baseUrl}${path}`,
      // A page of the site sends its Origin with every POST (docs/decisions/027-same-origin-and-members-only-stream.md).
      {
        method: "POST",
        localAddress,
        agent: false,
        headers: { origin: new URL(baseUrl).origin, "content-type": "application/json", "content-length": Buffer.byteLength(data) },
      },
      (response) => {
        response.resume();
        response.on("end", () => resolve({ status: response.statusCode ?? 0, ms: performance.now() - started }));
      },
    );
    // A connection refused or reset is counted as status 0: neither an answer nor a 500.
    request.on("error", () => resolve({ status: 0, ms: performance.now() - started }));
    request.end(data);
  });
}

/**
 * `count` distinct questions to `hearingId`'s candidates from `addresses` distinct source
 * addresses, started evenly over `withinMs`, at most `concurrency` in flight. Each question's
 * body is unique (`tag` and its number), so that every accepted one can be found once.
 */
export async function sendQuestions(
  baseUrl: string,
  hearingId: string,
  candidateIds: readonly string[],
  options: { count: number; addresses: number; withinMs: number; tag: string; concurrency?: number },
): Promise<QuestionOutcome[]> {
  const outcomes: QuestionOutcome[] = [];
  const gap = options.withinMs / options.count;
  const started = performance.now();
  let inFlight = 0;
  const limit = options.concurrency ?? 256;
  const slots: (() => void)[] = [];
  const all: Promise<void>[] = [];
  for (let i = 0; i < options.count; i++) {
    const due = started + i * gap;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    if (inFlight >= limit) await new Promise<void>((resolve) => slots.push(resolve));
    inFlight += 1;
    const address = sourceAddress(i % options.addresses);
    const body = `${options.tag} question ${i}: how would you bring connectivity to the least-connected countries?`;
    const payload = { candidateId: candidateIds[i % candidateIds.length], askerName: `Viewer ${i}`, askerOrigin: "Loopback", body, website: "" };
    all.push(
      post(baseUrl, `/api/hearings/${hearingId}/questions?locale=en`, payload, address).then(({ status, ms }) => {
        outcomes.push({ status, body, address, ms });
        inFlight -= 1;
        slots.shift()?.();
      }),
    );
  }
  await Promise.all(all);
  return outcomes;
}

/** Outcomes counted by HTTP status. */
export function statusCounts(outcomes: readonly { status: number }[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const { status } of outcomes) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

/** The `p`th percentile (0–100) of `values`. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}
