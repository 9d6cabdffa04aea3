// A crowd of live-panel viewers for fault specs and bench scripts: each one a `fetch` stream of
// a hearing's events from a running server, reconnecting by the panel's own rule
// (lib/hearings/reconnect.ts: close, wait a jittered and growing while, reopen with ?after=
// the last version seen) — what components/hearing/live-panel.tsx does, without a browser.
import { reconnectDelay, RECONNECT, streamUrl } from "../../lib/hearings/reconnect";
import { sseReader } from "./sse";

export type ViewerRecord = {
  /** The newest version this viewer holds. */
  version: number;
  /** When (performance.now()) each version was first held. */
  seen: Map<number, number>;
  /** Connections opened, and those that ended in a failure (error answer, `failure` event, network). */
  connects: number;
  failures: number;
  /** When (performance.now()) each connection was opened. */
  opened: number[];
  connected: boolean;
};

export class ViewerCrowd {
  readonly viewers: ViewerRecord[] = [];
  private readonly aborts: Array<AbortController | null> = [];
  private stopped = false;
  private readonly loops: Promise<void>[] = [];

  constructor(
    private readonly baseUrl: string,
    private readonly hearingId: string,
  ) {}

  /** Adds `count` viewers, their first connections spread over `spreadMs`; resolves once each holds a state. */
  async join(count: number, spreadMs = 0, timeoutMs = 60_000): Promise<void> {
    const first = this.viewers.length;
    for (let i = 0; i < count; i++) {
      const record: ViewerRecord = { version: -1, seen: new Map(), connects: 0, failures: 0, opened: [], connected: false };
      this.viewers.push(record);
      this.aborts.push(null);
      const index = first + i;
      this.loops.push(this.run(index, spreadMs > 0 ? Math.random() * spreadMs : 0));
    }
    await this.until(() => this.viewers.slice(first).every((v) => v.version >= 0), timeoutMs, "every new viewer holds a state");
  }

  /** Cuts the current connection of viewer `index`, as a network blip would: it reconnects by the rule. */
  drop(index: number) {
    this.aborts[index]?.abort();
  }

  /** How many hold `version` or newer. */
  holding(version: number): number {
    return this.viewers.filter((v) => v.version >= version).length;
  }

  /** Resolves when every viewer holds `version` or newer; rejects after `timeoutMs`. */
  waitAll(version: number, timeoutMs: number): Promise<void> {
    return this.until(
      () => this.holding(version) === this.viewers.length,
      timeoutMs,
      `every viewer holds version ${version} (${this.holding(version)}/${this.viewers.length} do)`,
    );
  }

  /** Per viewer, when it first held `version` or newer (performance.now()), or null. */
  reachedAt(version: number): Array<number | null> {
    return this.viewers.map((v) => {
      let first: number | null = null;
      for (const [seenVersion, at] of v.seen) if (seenVersion >= version && (first === null || at < first)) first = at;
      return first;
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const abort of this.aborts) abort?.abort();
    await Promise.allSettled(this.loops);
  }

  private async until(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
      await sleep(25);
    }
  }

  private async run(index: number, initialDelayMs: number) {
    const record = this.viewers[index] as ViewerRecord;
    if (initialDelayMs > 0) await sleep(initialDelayMs);
    let attempt = 0;
    while (!this.stopped) {
      const abort = new AbortController();
      this.aborts[index] = abort;
      record.connects += 1;
      record.opened.push(performance.now());
      let failed = true;
      try {
        const after = record.version >= 0 ? record.version : null;
        const response = await fetch(`${this.baseUrl}${streamUrl(this.hearingId, after)}`, {
          signal: abort.signal,
          headers: { accept: "text/event-stream" },
        });
        if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
        record.connected = true;
        const sse = sseReader(response.body);
        for (;;) {
          const frame = await sse.next(RECONNECT.silenceMs);
          if (!frame) break;
          if (frame.event === "state" && frame.id !== undefined) {
            const version = Number(frame.id);
            if (!record.seen.has(version)) record.seen.set(version, performance.now());
            record.version = Math.max(record.version, version);
            attempt = 0;
            failed = false;
          } else if (frame.event === "failure") {
            failed = true;
            if ((frame.data as { code?: string } | undefined)?.code === "NOT_FOUND") this.stopped = true;
            await sse.cancel();
            break;
          }
        }
      } catch {
        // network error, error answer, silence, or our own drop
      } finally {
        record.connected = false;
        this.aborts[index] = null;
      }
      if (this.stopped) break;
      // A stream that ends (or fails) is retried by the rule, as the panel does.
      if (failed) record.failures += 1;
      await sleep(reconnectDelay(attempt));
      attempt += 1;
    }
  }
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
