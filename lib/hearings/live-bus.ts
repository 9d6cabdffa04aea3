import "server-only";
import pg from "pg";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { HEARING_CHANNEL, readHearingEvents, type HearingEventRow } from "./live-state";

/**
 * One LISTEN connection per app instance (docs/domain.md#live-clock: the live state is a row; every change
 * is NOTIFYed; each instance fans it out to its own viewers). A notification names a
 * hearing and a version; the instance reads that event once, formats it once, and hands
 * the same bytes to every subscriber of the hearing — never a query per viewer. Events
 * carry the whole public state, so a viewer who misses one loses nothing but a step.
 */

export type LiveMessage = { hearingId: string; version: number; type: string; bytes: Uint8Array };
export type LiveListener = (message: LiveMessage) => void;
export type EventReader = (hearingId: string, after: number, upTo: number | null) => Promise<HearingEventRow[]>;

const encoder = new TextEncoder();
const MAX_RETRY_MS = 5_000;

/** An SSE frame of the public state at `version`, stamped with the server's time for the viewer's clock offset. */
export function stateFrame(version: number, type: string, payload: unknown, now = new Date()): Uint8Array {
  const data = JSON.stringify({ ...(payload as object), change: type, serverTime: now.toISOString() });
  return encoder.encode(`id: ${version}\nevent: state\ndata: ${data}\n\n`);
}

export class LiveBus {
  private client: pg.Client | null = null;
  private starting: Promise<void> | null = null;
  private closed = false;
  private retryMs = 250;
  private retryTimer: NodeJS.Timeout | null = null;
  private readonly listeners = new Map<string, Set<LiveListener>>();
  /** Highest version fanned out per hearing: reads never repeat, gaps are filled. */
  private readonly delivered = new Map<string, number>();
  /** Per hearing, reads run one after another so that versions go out in order. */
  private readonly queues = new Map<string, Promise<void>>();

  constructor(private readonly options: { connectionString: string; readEvents: EventReader; onError?: (error: unknown) => void }) {}

  /** Listens for `hearingId`'s changes on this instance; returns the unsubscribe. */
  subscribe(hearingId: string, listener: LiveListener): () => void {
    let set = this.listeners.get(hearingId);
    if (!set) this.listeners.set(hearingId, (set = new Set()));
    set.add(listener);
    void this.ready().catch(() => undefined);
    return () => {
      const current = this.listeners.get(hearingId);
      if (!current) return;
      current.delete(listener);
      if (current.size === 0) {
        this.listeners.delete(hearingId);
        this.delivered.delete(hearingId);
      }
    };
  }

  /** Resolves once this instance is LISTENing (connecting first if needed). */
  ready(): Promise<void> {
    if (this.closed) return Promise.reject(new Error("The live bus is closed"));
    // While a reconnection is scheduled, callers go on without waiting (and without
    // each opening a connection of their own): the catch-up read follows the reconnect.
    if (this.retryTimer) return Promise.reject(new Error("The live bus is reconnecting"));
    this.starting ??= this.connect().catch((error: unknown) => {
      this.starting = null;
      this.scheduleReconnect(error);
      throw error;
    });
    return this.starting;
  }

  /** The LISTEN connection's server process id, for health checks and tests. */
  get backendPid(): number | null {
    return (this.client as (pg.Client & { processID?: number }) | null)?.processID ?? null;
  }

  subscriberCount(hearingId: string): number {
    return this.listeners.get(hearingId)?.size ?? 0;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    this.listeners.clear();
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.connectionString });
    client.on("notification", (message) => this.onNotification(message.payload ?? ""));
    client.on("error", (error) => this.onDrop(client, error));
    client.on("end", () => this.onDrop(client, new Error("The LISTEN connection ended")));
    await client.connect();
    await client.query(`LISTEN ${HEARING_CHANNEL}`);
    if (this.closed) {
      await client.end();
      return;
    }
    this.client = client;
    this.retryMs = 250;
    // Whatever was committed while this instance was deaf: the newest events of every
    // hearing someone here watches.
    for (const hearingId of this.listeners.keys()) this.enqueue(hearingId, null);
  }

  private onDrop(client: pg.Client, error: unknown) {
    if (this.client !== client) return;
    this.client = null;
    this.starting = null;
    void client.end().catch(() => undefined);
    if (!this.closed) this.scheduleReconnect(error);
  }

  private scheduleReconnect(error: unknown) {
    if (this.closed || this.retryTimer) return;
    this.options.onError?.(error);
    const wait = this.retryMs;
    this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.ready().catch(() => undefined);
    }, wait);
    this.retryTimer.unref();
  }

  private onNotification(payload: string) {
    const separator = payload.lastIndexOf(":");
    const hearingId = payload.slice(0, separator);
    const version = Number(payload.slice(separator + 1));
    if (separator <= 0 || !Number.isInteger(version) || !this.listeners.has(hearingId)) return;
    this.enqueue(hearingId, version);
  }

  private enqueue(hearingId: string, upTo: number | null) {
    const previous = this.queues.get(hearingId) ?? Promise.resolve();
    const next = previous.then(() => this.fanOut(hearingId, upTo)).catch((error: unknown) => this.options.onError?.(error));
    this.queues.set(hearingId, next);
    void next.then(() => {
      if (this.queues.get(hearingId) === next) this.queues.delete(hearingId);
    });
  }

  private async fanOut(hearingId: string, upTo: number | null) {
    const known = this.delivered.get(hearingId);
    if (upTo !== null && known !== undefined && upTo <= known) return;
    // A first notification reads just its own version; later ones also fill any gap.
    const after = known ?? (upTo === null ? 0 : upTo - 1);
    const rows = await this.options.readEvents(hearingId, after, upTo);
    const now = new Date();
    for (const row of rows) {
      const set = this.listeners.get(hearingId);
      if (!set) return;
      if (row.version <= (this.delivered.get(hearingId) ?? -1)) continue;
      this.delivered.set(hearingId, row.version);
      const message: LiveMessage = { hearingId, version: row.version, type: row.type, bytes: stateFrame(row.version, row.type, row.payload, now) };
      for (const listener of [...set]) {
        // One viewer's broken stream must not keep the event from the others.
        try {
          listener(message);
        } catch (error) {
          this.options.onError?.(error);
        }
      }
    }
  }
}

// One bus per process, kept on globalThis so that dev-server reloads do not open another.
const globalForBus = globalThis as unknown as { hustingsLiveBus?: LiveBus };

export function liveBus(): LiveBus {
  globalForBus.hustingsLiveBus ??= new LiveBus({
    connectionString: env().DATABASE_URL,
    readEvents: (hearingId, after, upTo) => readHearingEvents(db(), hearingId, after, upTo),
    onError: (error) => console.warn("hearing live bus: LISTEN connection lost or event unreadable; recovering", error),
  });
  return globalForBus.hustingsLiveBus;
}
