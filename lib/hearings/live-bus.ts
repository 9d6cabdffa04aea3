import "server-only";
import pg from "pg";
import { chairDb } from "@/lib/db";
import { directDatabaseUrl } from "@/lib/db/urls";
import { CAPTION_CHANNEL, captionFrame, parseCaptionNotice, type LiveCaption } from "@/lib/captions/frames";
import { readLatestCaptions } from "@/lib/captions/cues";
import { onShutdown } from "@/lib/lifecycle/shutdown";
import { errorField, logger } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";
import { HEARING_CHANNEL, readHearingEvents, type HearingEventRow } from "./live-state";

/**
 * One LISTEN connection per app instance (docs/domain.md#live-clock: the live state is a row; every change
 * is NOTIFYed; each instance fans it out to its own viewers). A notification names a
 * hearing and a version; the instance reads that event once, formats it once, and hands
 * the same bytes to every subscriber of the hearing — never a query per viewer. Events
 * carry the whole public state, so a viewer who misses one loses nothing but a step.
 *
 * The instance also keeps, per hearing watched here, the newest events it has read
 * (docs/decisions/020-live-stream-recovery.md): while its LISTEN connection has been up since
 * they were read, nothing newer can have been committed unheard, so a viewer who connects is
 * given the opening state from memory, not from the database — a crowd returning at once
 * (an instance lost, a deploy) costs the database nothing. A lost connection makes the memory
 * stale until the reconnection's catch-up read; a connection that stops answering (a frozen
 * server, a dropped route) is found by TCP keepalive and a periodic probe, and replaced.
 */

/** `caption`: a live caption (docs/decisions/040-captions.md), outside the state's versions: never compared with them, never an `id:`. */
export type LiveMessage = { hearingId: string; version: number; type: string; bytes: Uint8Array; caption?: true };
export type LiveListener = (message: LiveMessage) => void;
export type EventReader = (hearingId: string, after: number, upTo: number | null) => Promise<HearingEventRow[]>;

type BusOptions = {
  connectionString: string;
  readEvents: EventReader;
  /** A hearing's latest live captions, a few per language, oldest first (default: none). */
  readCaptions?: (hearingId: string) => Promise<LiveCaption[]>;
  onError?: (error: unknown) => void;
  /** How often the LISTEN connection is asked to answer (default 10 s). */
  probeEveryMs?: number;
  /** How long it has to answer before it is taken for dead (default 5 s). */
  probeTimeoutMs?: number;
};

/** Per hearing: the newest events read, oldest first, versions consecutive. */
type Recent = { events: HearingEventRow[]; generation: number };
/** Per hearing: its latest captions' frames, read once and then kept up to date by the captions heard. */
type RecentCaptions = { entries: { language: string; message: LiveMessage }[]; generation: number };

const encoder = new TextEncoder();
const FIRST_RETRY_MS = 250;
/** Reconnection attempts stay frequent (one connection per instance): after a database restart the viewers wait on this. */
const MAX_RETRY_MS = 1_000;
/** After an event could not be read: soon again, the pool's dead connections being replaced meanwhile. */
const REREAD_MS = 300;
/** Live captions kept per hearing and language for a viewer who arrives (docs/decisions/040-captions.md). */
export const CAPTIONS_KEPT = 2;
/** Events kept per hearing for returning viewers' catch-up. */
export const RECENT_KEPT = 50;
const CONNECT_TIMEOUT_MS = 5_000;

/** The public state as the viewer reads it: what changed, stamped with the server's time for the viewer's clock offset. */
export function stateData(payload: unknown, type: string, now = new Date()): string {
  return JSON.stringify({ ...(payload as object), change: type, serverTime: now.toISOString() });
}

/** An SSE frame of the public state at `version` (the state endpoint answers the same data, lib/hearings/state-endpoint.ts). */
export function stateFrame(version: number, type: string, payload: unknown, now = new Date()): Uint8Array {
  return encoder.encode(`id: ${version}\nevent: state\ndata: ${stateData(payload, type, now)}\n\n`);
}

export class LiveBus {
  private client: pg.Client | null = null;
  private starting: Promise<void> | null = null;
  private closed = false;
  private retryMs = FIRST_RETRY_MS;
  private retryTimer: NodeJS.Timeout | null = null;
  private probeTimer: NodeJS.Timeout | null = null;
  /** Bumped by every connection made or lost: memory read under an older one is not current. */
  private generation = 0;
  /** Whether a connection was ever made: the next one made is a reconnection (counted). */
  private connectedOnce = false;
  private readonly listeners = new Map<string, Set<LiveListener>>();
  private readonly recent = new Map<string, Recent>();
  /** Per hearing, reads run one after another so that versions go out in order. */
  private readonly queues = new Map<string, Promise<void>>();
  /** Per hearing, the opening-state read under way, shared by the viewers who arrive meanwhile. */
  private readonly openings = new Map<string, Promise<HearingEventRow | null>>();
  private readonly captions = new Map<string, RecentCaptions>();
  private readonly captionReads = new Map<string, Promise<LiveMessage[]>>();

  constructor(private readonly options: BusOptions) {}

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
        // Unwatched, its changes are no longer read: what is kept would go stale.
        this.recent.delete(hearingId);
        this.captions.delete(hearingId);
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

  /** Waits up to `ms` for a connection under way; never throws. True when LISTENing. */
  async settle(ms: number): Promise<boolean> {
    if (this.client) return true;
    let timer: NodeJS.Timeout | undefined;
    const listening = await Promise.race([
      this.ready().then(
        () => true,
        () => false,
      ),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms))),
    ]);
    clearTimeout(timer);
    return listening;
  }

  /** The LISTEN connection's server process id, for health checks and tests. */
  get backendPid(): number | null {
    return (this.client as (pg.Client & { processID?: number }) | null)?.processID ?? null;
  }

  get listening(): boolean {
    return this.client !== null;
  }

  subscriberCount(hearingId: string): number {
    return this.listeners.get(hearingId)?.size ?? 0;
  }

  /**
   * The current state of `hearingId` as an event row (type "snapshot" when read for this),
   * or null when there is no such hearing. From memory when it is current; otherwise read
   * with `read` — one read per hearing however many viewers ask meanwhile — and kept when the
   * connection was up before the read began (then nothing newer can have been missed).
   * Rejects when the read fails.
   */
  opening(hearingId: string, read: () => Promise<{ version: number } | null>): Promise<HearingEventRow | null> {
    const known = this.currentLatest(hearingId);
    if (known) return Promise.resolve(known);
    let pending = this.openings.get(hearingId);
    if (!pending) {
      const generation = this.client ? this.generation : -1;
      pending = read()
        .then((state) => {
          if (!state) return null;
          const row: HearingEventRow = { version: state.version, type: "snapshot", payload: state };
          if (generation === this.generation && this.client && this.listeners.has(hearingId)) this.remember(hearingId, [row]);
          return row;
        })
        .finally(() => {
          if (this.openings.get(hearingId) === pending) this.openings.delete(hearingId);
        });
      this.openings.set(hearingId, pending);
    }
    return pending;
  }

  /**
   * The newest state of `hearingId` this instance has heard, current or not (null if none): for
   * a viewer who connects while the database is out of reach. Nothing newer can be committed
   * while it is down; whatever was committed unheard reaches that viewer with the catch-up read
   * that follows the bus's reconnection, as it reaches the viewers already connected.
   */
  lastKnown(hearingId: string): HearingEventRow | null {
    return this.recent.get(hearingId)?.events.at(-1) ?? null;
  }

  /**
   * The events of `hearingId` with `after < version ≤ upTo`, from memory, when memory is
   * current and holds every one of them; else null (read them from the database).
   */
  recentEvents(hearingId: string, after: number, upTo: number): HearingEventRow[] | null {
    const recent = this.recent.get(hearingId);
    if (!recent || !this.isCurrent(recent)) return null;
    const first = recent.events[0];
    const last = recent.events.at(-1);
    if (!first || !last || first.version > after + 1 || last.version < upTo) return null;
    return recent.events.filter((row) => row.version > after && row.version <= upTo);
  }

  /**
   * The latest live captions of `hearingId` as frames, for a viewer who arrives: from memory when
   * it is current, else read once for every viewer who asks meanwhile, and kept. Never rejects:
   * a viewer without them still gets every caption from now on.
   */
  recentCaptions(hearingId: string): Promise<LiveMessage[]> {
    const kept = this.captions.get(hearingId);
    if (kept && this.client !== null && kept.generation === this.generation) return Promise.resolve(kept.entries.map((entry) => entry.message));
    const read = this.options.readCaptions;
    if (!read) return Promise.resolve([]);
    let pending = this.captionReads.get(hearingId);
    if (!pending) {
      const generation = this.client ? this.generation : -1;
      pending = read(hearingId)
        .then((captions) => {
          const entries = captions.map((caption) => ({ language: caption.language, message: this.captionMessage(hearingId, caption) }));
          if (generation === this.generation && this.client && this.listeners.has(hearingId)) this.captions.set(hearingId, { entries, generation });
          return entries.map((entry) => entry.message);
        })
        .catch((error: unknown) => {
          this.options.onError?.(error);
          return [];
        })
        .finally(() => {
          if (this.captionReads.get(hearingId) === pending) this.captionReads.delete(hearingId);
        });
      this.captionReads.set(hearingId, pending);
    }
    return pending;
  }

  private captionMessage(hearingId: string, caption: LiveCaption): LiveMessage {
    return { hearingId, version: -1, type: "caption", caption: true, bytes: captionFrame(caption) };
  }

  /** A new cue heard: framed once, kept, handed to every viewer of its hearing here. */
  private onCaption(payload: string) {
    const notice = parseCaptionNotice(payload);
    if (!notice) return;
    const set = this.listeners.get(notice.hearingId);
    if (!set) return;
    const message = this.captionMessage(notice.hearingId, notice.caption);
    const kept = this.captions.get(notice.hearingId);
    if (kept) {
      const language = notice.caption.language;
      const same = kept.entries.filter((entry) => entry.language === language);
      const dropped = new Set(same.slice(0, Math.max(0, same.length - CAPTIONS_KEPT + 1)));
      kept.entries = [...kept.entries.filter((entry) => !dropped.has(entry)), { language, message }];
    }
    for (const listener of [...set]) {
      try {
        listener(message);
      } catch (error) {
        this.options.onError?.(error);
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.stopProbe();
    const client = this.client;
    this.client = null;
    this.listeners.clear();
    this.recent.clear();
    this.captions.clear();
    await client?.end().catch(() => undefined);
  }

  private currentLatest(hearingId: string): HearingEventRow | null {
    const recent = this.recent.get(hearingId);
    return recent && this.isCurrent(recent) ? (recent.events.at(-1) ?? null) : null;
  }

  private isCurrent(recent: Recent): boolean {
    return this.client !== null && recent.generation === this.generation;
  }

  /** Adds rows (ascending) to what is kept, marked current under this connection. */
  private remember(hearingId: string, rows: HearingEventRow[]) {
    let recent = this.recent.get(hearingId);
    if (!recent) this.recent.set(hearingId, (recent = { events: [], generation: this.generation }));
    for (const row of rows) {
      const last = recent.events.at(-1);
      if (last && row.version <= last.version) continue;
      // A gap means something was not read: keep only from here on.
      if (last && row.version !== last.version + 1) recent.events = [];
      recent.events.push(row);
    }
    if (recent.events.length > RECENT_KEPT) recent.events = recent.events.slice(-RECENT_KEPT);
    recent.generation = this.generation;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.options.connectionString,
      // A LISTEN connection is idle by nature: keepalive lets the kernel notice a dead peer.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    });
    client.on("notification", (message) =>
      message.channel === CAPTION_CHANNEL ? this.onCaption(message.payload ?? "") : this.onNotification(message.payload ?? ""),
    );
    client.on("error", (error) => this.onDrop(client, error));
    client.on("end", () => this.onDrop(client, new Error("The LISTEN connection ended")));
    try {
      await client.connect();
      await client.query(`LISTEN ${HEARING_CHANNEL}`);
      await client.query(`LISTEN ${CAPTION_CHANNEL}`);
    } catch (error) {
      destroy(client);
      throw error;
    }
    if (this.closed) {
      await client.end();
      return;
    }
    this.client = client;
    this.generation += 1;
    if (this.connectedOnce) metrics().liveReconnects.inc();
    this.connectedOnce = true;
    this.retryMs = FIRST_RETRY_MS;
    this.startProbe(client);
    // Whatever was committed while this instance was deaf: the newest events of every
    // hearing someone here watches. Until each is read, its memory is not current.
    for (const hearingId of this.listeners.keys()) this.enqueue(hearingId, null);
  }

  private startProbe(client: pg.Client) {
    this.stopProbe();
    const every = this.options.probeEveryMs ?? 10_000;
    const timeout = this.options.probeTimeoutMs ?? 5_000;
    let probing = false;
    this.probeTimer = setInterval(() => {
      if (probing || this.client !== client) return;
      probing = true;
      let timer: NodeJS.Timeout | undefined;
      const answered = client.query("SELECT 1").then(() => true);
      answered.catch(() => undefined);
      void Promise.race([answered, new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeout)))])
        .catch(() => false)
        .then((alive) => {
          clearTimeout(timer);
          probing = false;
          if (!alive) this.onDrop(client, new Error(`The LISTEN connection did not answer within ${timeout} ms`));
        });
    }, every);
    this.probeTimer.unref();
  }

  private stopProbe() {
    if (this.probeTimer) clearInterval(this.probeTimer);
    this.probeTimer = null;
  }

  private onDrop(client: pg.Client, error: unknown) {
    if (this.client !== client) return;
    this.client = null;
    this.starting = null;
    // Nothing kept is current any more: changes may be committed unheard from now on.
    this.generation += 1;
    this.stopProbe();
    destroy(client);
    if (!this.closed) this.scheduleReconnect(error);
  }

  private scheduleReconnect(error: unknown) {
    if (this.closed || this.retryTimer) return;
    this.options.onError?.(error);
    // Jittered, so that the instances behind a load balancer do not all return at once.
    const wait = Math.round(this.retryMs * (0.5 + Math.random() / 2));
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
    this.enqueue(hearingId, version, performance.now());
  }

  /** `heardAt`: when the NOTIFY that asks for this read arrived (the fan-out latency's start). */
  private enqueue(hearingId: string, upTo: number | null, heardAt?: number) {
    const generation = this.generation;
    const previous = this.queues.get(hearingId) ?? Promise.resolve();
    const next = previous
      .then(() => this.fanOut(hearingId, upTo, generation, heardAt))
      .catch((error: unknown) => {
        this.options.onError?.(error);
        // An event that could not be read leaves memory behind the database: not current
        // until read again, soon, unless the connection's loss brings its own catch-up.
        const recent = this.recent.get(hearingId);
        if (recent) recent.generation = -1;
        const retry = setTimeout(() => {
          if (this.client && this.listeners.has(hearingId) && generation === this.generation) this.enqueue(hearingId, null);
        }, REREAD_MS);
        retry.unref();
      });
    this.queues.set(hearingId, next);
    void next.then(() => {
      if (this.queues.get(hearingId) === next) this.queues.delete(hearingId);
    });
  }

  private async fanOut(hearingId: string, upTo: number | null, generation: number, heardAt?: number) {
    const known = this.recent.get(hearingId)?.events.at(-1)?.version;
    if (upTo !== null && known !== undefined && upTo <= known) return;
    // A first notification reads just its own version; later ones also fill any gap; a
    // catch-up reads what is newer than what is kept.
    const after = known ?? (upTo === null ? 0 : upTo - 1);
    const rows = await this.options.readEvents(hearingId, after, upTo);
    if (!this.listeners.has(hearingId)) return;
    const fresh = rows.filter((row) => known === undefined || row.version > known);
    // Read under this connection (its own catch-up included): what is kept is current again.
    if (generation === this.generation && this.client) this.remember(hearingId, fresh);
    else if (fresh.length > 0) {
      // Read under a connection since lost: kept, not current.
      this.remember(hearingId, fresh);
      const recent = this.recent.get(hearingId);
      if (recent) recent.generation = -1;
    }
    const now = new Date();
    for (const row of fresh) {
      const set = this.listeners.get(hearingId);
      if (!set) return;
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
    if (fresh.length > 0) {
      metrics().liveEventsFannedOut.inc(fresh.length);
      if (heardAt !== undefined) metrics().liveFanOutSeconds.observe((performance.now() - heardAt) / 1_000);
    }
  }
}

/** Drops the connection's socket at once: a dead server would never answer `end()`. */
function destroy(client: pg.Client) {
  const socket = (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream;
  try {
    socket?.destroy();
  } catch {
    // already gone
  }
  void client.end().catch(() => undefined);
}

// One bus per process, kept on globalThis so that dev-server reloads do not open another.
const globalForBus = globalThis as unknown as { hustingsLiveBus?: LiveBus };

export function liveBus(): LiveBus {
  if (globalForBus.hustingsLiveBus) return globalForBus.hustingsLiveBus;
  const bus = (globalForBus.hustingsLiveBus = new LiveBus({
    // LISTEN needs a session of its own: never through a transaction-mode pooler (lib/db/urls.ts).
    connectionString: directDatabaseUrl(),
    // One read per change per instance, whatever the number of viewers: on the reserved pool (docs/decisions/019-database-capacity.md).
    readEvents: (hearingId, after, upTo) => readHearingEvents(chairDb(), hearingId, after, upTo),
    readCaptions: (hearingId) => readLatestCaptions(hearingId, CAPTIONS_KEPT),
    onError: (error) => logger().warn({ err: errorField(error) }, "hearing live bus: LISTEN connection lost or event unreadable; recovering"),
  }));
  // After the streams are closed: the LISTEN connection goes with the other workers (docs/decisions/029-observability-and-shutdown.md).
  onShutdown("live bus", "workers", () => bus.close());
  return bus;
}
