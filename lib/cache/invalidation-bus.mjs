// One LISTEN connection per instance for the page cache's invalidations
// (docs/decisions/030-cache-across-instances.md): what an instance invalidates is NOTIFYed on
// CACHE_CHANNEL and every other instance expires the same tags as it hears them. The same
// connection sends this instance's NOTIFYs. A connection that is lost or stops answering (TCP
// keepalive and a periodic probe find it) is replaced; `onListening` runs each time LISTEN is
// up again, so that the tags store can expire what was generated while nothing was heard.
// Plain JavaScript: the page cache handler that uses it is imported by Next with Node's own
// import() (docs/decisions/013-page-cache.md).
import { randomUUID } from "node:crypto";
import pg from "pg";
import { CACHE_CHANNEL, coalesce, decode, encode } from "./invalidations.mjs";

/**
 * @typedef {import("./invalidations.mjs").Invalidation} Invalidation
 * @typedef {{
 *   connectionString: string,
 *   onInvalidation: (invalidation: Invalidation) => void | Promise<void>,
 *   onListening: () => void,
 *   onError?: (error: unknown) => void,
 *   probeEveryMs?: number,
 *   probeTimeoutMs?: number,
 *   publishWaitMs?: number,
 * }} BusOptions
 */

const FIRST_RETRY_MS = 250;
/** Frequent: every entry of the instance is expired when it listens again, and what it serves meanwhile may be stale. */
const MAX_RETRY_MS = 1_000;
const CONNECT_TIMEOUT_MS = 5_000;

export class InvalidationBus {
  /** This process's id in its messages: it does not apply its own invalidations twice. */
  id = randomUUID();
  /** @type {pg.Client | null} */
  #client = null;
  #closed = false;
  #connecting = false;
  #retryMs = FIRST_RETRY_MS;
  /** @type {NodeJS.Timeout | null} */
  #retryTimer = null;
  /** @type {NodeJS.Timeout | null} */
  #probeTimer = null;
  /** Invalidations made here and not yet sent, with who waits on them. */
  /** @type {{ invalidation: Invalidation, sent: () => void }[]} */
  #pending = [];
  #sending = false;
  /** @type {BusOptions} */
  #options;

  /** @param {BusOptions} options */
  constructor(options) {
    this.#options = options;
  }

  get listening() {
    return this.#client !== null;
  }

  /** The LISTEN connection's server process id (tests end it to make a gap). */
  get backendPid() {
    return /** @type {any} */ (this.#client)?.processID ?? null;
  }

  start() {
    void this.#connect();
  }

  /**
   * Sends `invalidation` to the other instances. Resolves once it is sent (at most
   * `publishWaitMs`, 1 s unless told, later), at once while the connection is down: it is
   * kept and sent when the connection is back. Never rejects.
   * @param {Invalidation} invalidation
   * @returns {Promise<void>}
   */
  publish(invalidation) {
    if (this.#closed || invalidation.tags.length === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, this.#options.publishWaitMs ?? 1_000);
      timer.unref();
      this.#pending.push({
        invalidation,
        sent: () => {
          clearTimeout(timer);
          resolve();
        },
      });
      if (!this.#client) resolve();
      void this.#send();
    });
  }

  async close() {
    this.#closed = true;
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    this.#stopProbe();
    const client = this.#client;
    this.#client = null;
    for (const waiting of this.#pending.splice(0)) waiting.sent();
    await client?.end().catch(() => undefined);
  }

  /** Sends what is pending, coalesced, one batch at a time (what piles up meanwhile goes next). */
  async #send() {
    if (this.#sending) return;
    this.#sending = true;
    try {
      while (this.#client && this.#pending.length > 0) {
        const client = this.#client;
        const batch = this.#pending.splice(0);
        try {
          for (const payload of encode(this.id, coalesce(batch.map((b) => b.invalidation)))) {
            await client.query("SELECT pg_notify($1, $2)", [CACHE_CHANNEL, payload]);
          }
          for (const waiting of batch) waiting.sent();
        } catch (error) {
          // Sent again after the reconnection (a message heard twice only expires twice).
          this.#pending.unshift(...batch);
          this.#drop(client, error);
        }
      }
    } finally {
      this.#sending = false;
    }
  }

  async #connect() {
    if (this.#closed || this.#connecting || this.#client) return;
    this.#connecting = true;
    const client = new pg.Client({
      connectionString: this.#options.connectionString,
      application_name: "hustings page cache",
      // A LISTEN connection is idle by nature: keepalive lets the kernel notice a dead peer.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    });
    client.on("notification", (message) => this.#heard(message.payload ?? ""));
    client.on("error", (error) => this.#drop(client, error));
    client.on("end", () => this.#drop(client, new Error("The page cache's LISTEN connection ended")));
    try {
      await client.connect();
      await client.query(`LISTEN ${CACHE_CHANNEL}`);
    } catch (error) {
      this.#connecting = false;
      destroy(client);
      this.#scheduleReconnect(error);
      return;
    }
    this.#connecting = false;
    if (this.#closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.#client = client;
    this.#retryMs = FIRST_RETRY_MS;
    this.#options.onListening();
    this.#startProbe(client);
    void this.#send();
  }

  /** @param {string} payload */
  #heard(payload) {
    const message = decode(payload);
    if (!message || message.from === this.id) return;
    for (const invalidation of message.invalidations) {
      Promise.resolve(this.#options.onInvalidation(invalidation)).catch((error) => this.#options.onError?.(error));
    }
  }

  /** @param {pg.Client} client */
  #startProbe(client) {
    this.#stopProbe();
    const every = this.#options.probeEveryMs ?? 10_000;
    const timeout = this.#options.probeTimeoutMs ?? 5_000;
    let probing = false;
    this.#probeTimer = setInterval(() => {
      if (probing || this.#client !== client) return;
      probing = true;
      /** @type {NodeJS.Timeout | undefined} */
      let timer;
      const answered = client.query("SELECT 1").then(() => true);
      answered.catch(() => undefined);
      const late = new Promise((resolve) => (timer = setTimeout(() => resolve(false), timeout)));
      void Promise.race([answered, late])
        .catch(() => false)
        .then((alive) => {
          clearTimeout(timer);
          probing = false;
          if (!alive) this.#drop(client, new Error(`The page cache's LISTEN connection did not answer within ${timeout} ms`));
        });
    }, every);
    this.#probeTimer.unref();
  }

  #stopProbe() {
    if (this.#probeTimer) clearInterval(this.#probeTimer);
    this.#probeTimer = null;
  }

  /** @param {pg.Client} client @param {unknown} error */
  #drop(client, error) {
    if (this.#client !== client) return;
    this.#client = null;
    this.#stopProbe();
    destroy(client);
    this.#scheduleReconnect(error);
  }

  /** @param {unknown} error */
  #scheduleReconnect(error) {
    if (this.#closed || this.#retryTimer) return;
    this.#options.onError?.(error);
    // Jittered, so that the instances do not all return at once after a database restart.
    const wait = Math.round(this.#retryMs * (0.5 + Math.random() / 2));
    this.#retryMs = Math.min(this.#retryMs * 2, MAX_RETRY_MS);
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null;
      void this.#connect();
    }, wait);
    this.#retryTimer.unref();
  }
}

/** Drops the connection's socket at once: a dead server would never answer `end()`. @param {pg.Client} client */
function destroy(client) {
  try {
    /** @type {any} */ (client).connection?.stream?.destroy();
  } catch {
    // already gone
  }
  void client.end().catch(() => undefined);
}
