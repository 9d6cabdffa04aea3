import { beforeAll, describe, expect, it } from "vitest";
import { createDb, type PoolSettings, type PrismaClient } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors/domain-error";
import { classifyInfrastructureError, ServiceBusyError } from "@/lib/errors/infrastructure";
import { submitViewerQuestion } from "@/lib/hearings/questions";
import { withAppDatabase } from "../support/app-database";
import { unique } from "../support/factories";
import { makeReadyHearing } from "../support/factories-live";

// docs/decisions/019-database-capacity.md on a real server: each pool's limits are the
// server's and the driver's own (statement and lock timeouts, a bounded wait for a
// connection), every way they fail is read as "busy, try again" (never a fault), and a burst
// of viewers' questions leaves each accepted one stored exactly once.

const database = withAppDatabase();
let owner: PrismaClient;

/**
 * One connection, short limits: easy to exhaust and to time out. The wait for a connection is
 * not as short as the rest: it also bounds opening one, which a loaded machine (Vitest runs
 * niced beside the browser tests) can make slow.
 */
const TIGHT: PoolSettings = {
  max: 1,
  connectionTimeoutMs: 1_500,
  idleTimeoutMs: 10_000,
  statementTimeoutMs: 300,
  lockTimeoutMs: 200,
  idleInTransactionTimeoutMs: 2_000,
  answerDeadlineMs: 1_500,
  transaction: { maxWait: 1_500, timeout: 3_000 },
};

beforeAll(() => {
  owner = createDb(database.url());
});

async function failure(work: Promise<unknown>) {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, "the work should have failed").not.toBeNull();
  return classifyInfrastructureError(error);
}

describe("the app's pools", () => {
  it("have a statement cancelled by the server past its limit, read as a timeout", async () => {
    const pool = createDb(database.url(), TIGHT);
    try {
      await pool.$queryRaw`SELECT 1`;
      expect(await failure(pool.$executeRawUnsafe("SELECT pg_sleep(2)"))).toMatchObject({ kind: "timeout" });
      // The connection is fine afterwards.
      expect(await pool.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
    } finally {
      await pool.$disconnect();
    }
  });

  it("wait a bounded time for a connection when all are taken, read as overload", async () => {
    // The holder sits in its transaction while the two waits run out: it is not itself timed out.
    const pool = createDb(database.url(), { ...TIGHT, idleInTransactionTimeoutMs: 20_000 });
    // The pool's one connection is opened first, then held: the holder never waits on opening it.
    await pool.$queryRaw`SELECT 1`;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const taken = new Promise<void>((resolve) => (holding = resolve));
    const holder = pool.$transaction(
      async (tx) => {
        await tx.$queryRaw`SELECT 1`;
        holding();
        await held;
      },
      { timeout: 20_000 },
    );
    try {
      await taken;
      expect(await failure(pool.$queryRaw`SELECT 1`)).toMatchObject({ kind: "overloaded" });
      expect(await failure(pool.$transaction(async (tx) => tx.$queryRaw`SELECT 1`))).toMatchObject({ kind: "overloaded" });
    } finally {
      release();
      await holder;
      await pool.$disconnect();
    }
  });

  it("give up on a lock held elsewhere after the lock timeout, read as a timeout", async () => {
    // Only the lock's limit is short: a loaded machine must not make connecting the failure seen.
    const pool = createDb(database.url(), {
      ...TIGHT,
      connectionTimeoutMs: 10_000,
      statementTimeoutMs: 10_000,
      transaction: { maxWait: 10_000, timeout: 10_000 },
    });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    // The holder says when it has the lock: a fixed wait was too short on a loaded machine.
    const taken = new Promise<void>((resolve) => (locked = resolve));
    const holder = owner.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(4242, 1)`;
      locked();
      await held;
    });
    try {
      await taken;
      expect(await failure(pool.$transaction(async (tx) => tx.$executeRaw`SELECT pg_advisory_xact_lock(4242, 1)`))).toMatchObject({ kind: "timeout" });
    } finally {
      release();
      await holder;
      await pool.$disconnect();
    }
  });
});

describe("the reserved pool", () => {
  it("serves every db() inside onReservedPool, and only there", async () => {
    const { chairDb, db, onReservedPool } = await import("@/lib/db");
    expect(db()).not.toBe(chairDb());
    expect(await onReservedPool(async () => db())).toBe(chairDb());
    expect(await onReservedPool(async () => (await Promise.resolve(), db()))).toBe(chairDb());
    expect(db()).not.toBe(chairDb());
  });
});

describe("a burst of viewers' questions", () => {
  it("stores each accepted question exactly once; the rest are refused by a rule or as busy, never a fault", async () => {
    const { hearingId, candidates } = await makeReadyHearing(owner);
    const tag = unique("burst");
    const bodies = Array.from({ length: 40 }, (_, i) => `${tag} question ${i} on universal connectivity`);
    const outcomes = await Promise.all(
      bodies.map((body, i) =>
        submitViewerQuestion({
          actor: null,
          input: { hearingId, candidateId: candidates[i % 2]?.id, askerName: `Viewer ${i}`, askerOrigin: null, body },
          client: { ip: `198.51.100.${i + 1}` },
        }).then(
          () => ({ body, outcome: "accepted" }),
          (error: unknown) => ({
            body,
            outcome:
              error instanceof ServiceBusyError
                ? "busy"
                : isDomainError(error)
                  ? error.code
                  : classifyInfrastructureError(error)
                    ? "busy"
                    : `fault: ${String(error)}`,
          }),
        ),
      ),
    );
    const faults = outcomes.filter((o) => o.outcome.startsWith("fault"));
    expect(faults).toEqual([]);
    const accepted = outcomes.filter((o) => o.outcome === "accepted").map((o) => o.body);
    // How many get in depends on the machine's speed (the rest are 503s); the first never waits.
    expect(accepted.length).toBeGreaterThanOrEqual(1);
    const stored = await owner.hearingQuestion.findMany({ where: { hearingId }, select: { body: true, status: true } });
    expect(stored.map((q) => q.body).sort()).toEqual(accepted.sort());
    expect(stored.every((q) => q.status === "PENDING")).toBe(true);
  });

  it("refuses from memory, before any transaction, what this instance has just accepted: the same question again", async () => {
    const { hearingId, candidates } = await makeReadyHearing(owner);
    const input = { hearingId, candidateId: candidates[0]?.id, askerName: "Viewer", askerOrigin: null, body: unique("Spectrum for satellites") };
    await submitViewerQuestion({ actor: null, input, client: { ip: "198.51.100.200" } });
    // With the stored question deleted, only memory can still refuse it as a repeat: the database is not asked.
    await owner.hearingQuestion.deleteMany({ where: { hearingId } });
    await expect(submitViewerQuestion({ actor: null, input, client: { ip: "198.51.100.201" } })).rejects.toMatchObject({
      code: "CONFLICT",
      messageKey: "hearingLive.repeat",
    });
  });
});
