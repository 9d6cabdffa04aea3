import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { classifyInfrastructureError } from "@/lib/errors/infrastructure";
import { asActor } from "../support/factories";
import { makeReadyHearing } from "../support/factories-live";
import { startOwnPostgres, type OwnPostgres } from "../support/own-postgres";

// docs/decisions/019-database-capacity.md: a database that stops answering (here frozen with
// SIGSTOP: connections stay open, nothing is refused, nothing comes back) must not hang the
// chair or the health check. Both answer with an error, and once the server thaws the next
// move goes through on fresh connections. The times are printed, not asserted: the limits
// say 3 s at most, and a loaded machine should not fail the suite on a few hundred ms.

let own: OwnPostgres;
let owner: PrismaClient;

beforeAll(async () => {
  own = await startOwnPostgres();
  // The app's pools (lib/db) on the own server, before anything reads the environment.
  process.env.DATABASE_URL = own.url;
  owner = createDb(own.url);
}, 120_000);

afterAll(async () => {
  await owner?.$disconnect();
  const { db, chairDb } = await import("@/lib/db");
  await Promise.all([db().$disconnect(), chairDb().$disconnect()]).catch(() => undefined);
  await own?.stop();
});

const since = (started: number) => Math.round(performance.now() - started);

it("with the database frozen, the chair's move and /api/health answer with an error; after the thaw the chair moves again", async () => {
  const { startHearing, startPresentation } = await import("@/lib/hearings/live");
  const { GET: health } = await import("@/app/api/health/route");
  const { hearingId, chair } = await makeReadyHearing(owner);
  const actor = asActor(chair);
  const version = async () => (await owner.hearing.findUniqueOrThrow({ where: { id: hearingId }, select: { stateVersion: true } })).stateVersion;

  // Warm: the pools hold connections whose server is about to stop answering (the hard case).
  // Opened here, without the health check's one-second deadline: a first connection of a
  // worker niced beside the browser tests can take longer than that, which is not the point.
  const { db, chairDb } = await import("@/lib/db");
  await Promise.all([db().$queryRaw`SELECT 1`, chairDb().$queryRaw`SELECT 1`]);
  expect((await health()).status).toBe(200);
  await startHearing({ actor, input: { hearingId, expectedVersion: await version(), confirmed: "yes" } });
  const before = await version();

  const frozen = own.freeze(6_000);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const started = performance.now();
  const [move, check] = await Promise.all([
    startPresentation({ actor, input: { hearingId, expectedVersion: before } }).then(
      () => ({ ms: since(started), error: null as unknown }),
      (error: unknown) => ({ ms: since(started), error }),
    ),
    health().then((response) => ({ ms: since(started), status: response.status, retryAfter: response.headers.get("retry-after") })),
  ]);
  console.info(`frozen database: the chair's move answered with an error in ${move.ms} ms, /api/health with ${check.status} in ${check.ms} ms`);
  expect(classifyInfrastructureError(move.error), String(move.error)).not.toBeNull();
  expect(check.status).toBe(503);
  expect(check.retryAfter).not.toBeNull();
  await frozen;

  // Thawed: the move is made (the failed one was not), on connections that answer.
  await startPresentation({ actor, input: { hearingId, expectedVersion: before } });
  expect(await version()).toBe(before + 1);
  expect((await health()).status).toBe(200);
}, 60_000);
