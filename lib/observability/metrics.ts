// The server's Prometheus metrics (docs/decisions/029-observability-and-shutdown.md), read at
// /api/metrics behind METRICS_TOKEN. One registry per process, kept on globalThis: Next
// bundles each route on its own, so a module-level registry would be one per bundle, and a
// count made by the live bus's bundle would never show in the metrics route's.
//
// Values that are states, not counts (viewers connected, pool waits), are read from where
// they live when scraped, through readers the parts register (setGaugeReader).
import { Counter, Gauge, Histogram, Registry } from "prom-client";

export type LimitKind = "sign_in" | "question" | "forum";
type Reader = () => number | null;

type Metrics = {
  registry: Registry;
  liveViewers: Gauge;
  liveEventsFannedOut: Counter;
  liveFanOutSeconds: Histogram;
  liveReconnects: Counter;
  outboxBacklog: Gauge;
  mailSendFailures: Counter<"outcome">;
  limitRefusals: Counter<"kind">;
  poolWaiting: Gauge<"pool">;
  readers: Map<string, Reader>;
};

const KEY = Symbol.for("hustings.metrics");

function read(readers: Map<string, Reader>, name: string): number | null {
  try {
    return readers.get(name)?.() ?? null;
  } catch {
    return null;
  }
}

function create(): Metrics {
  const registry = new Registry();
  const readers = new Map<string, Reader>();
  const liveViewers = new Gauge({
    name: "hustings_live_viewers",
    help: "Hearing event streams open on this instance",
    registers: [registry],
    collect() {
      this.set(read(readers, "liveViewers") ?? 0);
    },
  });
  const poolWaiting = new Gauge({
    name: "hustings_db_pool_waiting",
    help: "Queries waiting for a connection of the pool (pg Pool waitingCount)",
    labelNames: ["pool"] as const,
    registers: [registry],
    collect() {
      for (const pool of ["general", "reserved"]) {
        const value = read(readers, `poolWaiting:${pool}`);
        if (value === null) this.remove({ pool });
        else this.set({ pool }, value);
      }
    },
  });
  return {
    registry,
    readers,
    liveViewers,
    poolWaiting,
    liveEventsFannedOut: new Counter({
      name: "hustings_live_events_fanned_out_total",
      help: "Hearing events (moves) handed to this instance's viewers",
      registers: [registry],
    }),
    liveFanOutSeconds: new Histogram({
      name: "hustings_live_fan_out_seconds",
      help: "From a hearing's NOTIFY received to its event written to every stream of this instance",
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    liveReconnects: new Counter({
      name: "hustings_live_listen_reconnects_total",
      help: "LISTEN connections made again after one was lost",
      registers: [registry],
    }),
    outboxBacklog: new Gauge({
      name: "hustings_mail_outbox_backlog",
      help: "Outbox messages waiting to be sent (read at scrape; absent when the database did not answer)",
      registers: [registry],
    }),
    mailSendFailures: new Counter({
      name: "hustings_mail_send_failures_total",
      help: "Messages the mail server refused or did not take: retried later, or failed for good",
      labelNames: ["outcome"] as const,
      registers: [registry],
    }),
    limitRefusals: new Counter({
      name: "hustings_limit_refusals_total",
      help: "Requests refused by a rate limit (answered 429 or told to wait), by kind",
      labelNames: ["kind"] as const,
      registers: [registry],
    }),
  };
}

export function metrics(): Metrics {
  const holder = globalThis as unknown as Record<symbol, Metrics | undefined>;
  holder[KEY] ??= create();
  return holder[KEY];
}

/** Registers where a state-like gauge is read at scrape ("liveViewers", "poolWaiting:general", …). */
export function setGaugeReader(name: string, reader: Reader): void {
  metrics().readers.set(name, reader);
}

/** A refusal by a rate limit, counted by kind. Never throws: counting must not change the answer. */
export function countLimitRefusal(kind: LimitKind): void {
  try {
    metrics().limitRefusals.inc({ kind });
  } catch {
    // a metric is never worth a failed request
  }
}
