import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { GET as chaptersRoute } from "@/app/api/hearings/[id]/chapters.vtt/route";
import { GET as drawsRoute } from "@/app/api/hearings/[id]/draws/route";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { verifyDrawsFile } from "@/lib/draw/verify-hearing";
import { readDrawsExport, readHearingReplay, readParity, resolvePublicHearingId, type DrawsExport } from "@/lib/hearings/after-queries";
import { getHearingAfterwardsForAdmin } from "@/lib/hearings/afterwards-admin";
import { getPublicHearingState } from "@/lib/hearings/live-state";
import { revealSeed } from "@/lib/hearings/reveal-seed";
import { setRecording } from "@/lib/hearings/set-recording";
import { withAppDatabase } from "../support/app-database";
import { auditRowsFor } from "../support/audit";
import { asActor, makeUser, type TestUser } from "../support/factories";
import { makeHearingWithDraws } from "../support/factories-after";
import { makeHearingConference } from "../support/factories-hearing";
import { expectOnlyRoleAllowed, refusalOf } from "../support/roles";

// Outside Next there is no cache to read through: the current conference is read directly.
vi.mock("next/cache", async (original) => ({ ...(await original<typeof import("next/cache")>()), unstable_cache: <T>(read: T) => read }));

const database = withAppDatabase();
let db: PrismaClient;
let conferenceId: string;
let secretariat: TestUser;

beforeAll(async () => {
  db = createDb(database.url());
  conferenceId = (await makeHearingConference(db, { isCurrent: true })).id;
  secretariat = await makeUser(db, "SECRETARIAT");
});

const params = (id: string) => ({ params: Promise.resolve({ id }) });

async function exportOf(hearingId: string): Promise<{ status: number; text: string; headers: Headers }> {
  const response = await drawsRoute(new Request(`http://localhost/api/hearings/${hearingId}/draws`), params(hearingId));
  return { status: response.status, text: await response.text(), headers: response.headers };
}

describe("revealing the seed after the hearing", () => {
  it("is for the secretariat only", async () => {
    const { hearingId } = await makeHearingWithDraws(db, { conferenceId });
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => revealSeed({ actor, conferenceId, input: { hearingId, confirmed: "yes" } }));
    expect((await db.hearing.findUniqueOrThrow({ where: { id: hearingId } })).seedRevealedAt).toBeNull();
  });

  it("shows the secretariat's section (never the seed) to the secretariat only", async () => {
    const { hearingId } = await makeHearingWithDraws(db, { conferenceId });
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) => getHearingAfterwardsForAdmin(actor, { conferenceId, hearingId }));
  });

  it("is refused before the hearing has ended, and for an unknown hearing", async () => {
    for (const status of ["SCHEDULED", "LIVE"] as const) {
      const { hearingId } = await makeHearingWithDraws(db, { conferenceId, status });
      expect(await refusalOf(revealSeed({ actor: asActor(secretariat), conferenceId, input: { hearingId, confirmed: "yes" } }))).toMatchObject({
        code: "CONFLICT",
        messageKey: "hearingPublic.admin.revealNotEnded",
      });
      expect((await db.hearing.findUniqueOrThrow({ where: { id: hearingId } })).seedRevealedAt).toBeNull();
    }
    expect((await refusalOf(revealSeed({ actor: asActor(secretariat), conferenceId, input: { hearingId: "no-such-hearing", confirmed: "yes" } }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await refusalOf(revealSeed({ actor: asActor(secretariat), conferenceId, input: { confirmed: "yes" } }))).fieldErrors).toEqual({
      hearingId: "required",
    });
  });

  it("keeps the seed on the server until then: no public read, route or audit row returns it", async () => {
    const { hearingId, seed, seedHash } = await makeHearingWithDraws(db, { conferenceId, status: "LIVE" });
    const exported = await exportOf(hearingId);
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-type")).toContain("application/json");
    expect(exported.headers.get("x-content-type-options")).toBe("nosniff");
    expect(exported.text).not.toContain(seed);
    const file = JSON.parse(exported.text) as DrawsExport;
    expect(file).toMatchObject({ hearingId, seedHash, seed: null, seedRevealedAt: null, algorithm: "hustings-draw-v2", voidedCommitments: [] });
    expect(file.draws.map((d) => d.kind)).toEqual(["RUNNING_ORDER", "QUESTIONS", "QUESTIONS"]);
    expect(file.draws.every((d) => d.seedHash === seedHash && d.committedAt === file.seedCommittedAt && d.revealedAt === null && !d.voided)).toBe(true);

    const reads = [
      await readDrawsExport(hearingId),
      await readParity(hearingId),
      await readHearingReplay(hearingId),
      await getPublicHearingState(hearingId),
      await getHearingAfterwardsForAdmin(asActor(secretariat), { conferenceId, hearingId }),
    ];
    for (const read of reads) {
      expect(read).not.toBeNull();
      expect(JSON.stringify(read)).not.toContain(seed);
    }
    const audit = await db.auditEvent.findMany({ select: { before: true, after: true } });
    expect(JSON.stringify(audit)).not.toContain(seed);
  });

  it("reveals it once, audited; then the export carries it and every draw verifies", async () => {
    const { hearingId, seed, seedHash } = await makeHearingWithDraws(db, { conferenceId, status: "ENDED" });
    const before = JSON.parse((await exportOf(hearingId)).text) as DrawsExport;
    expect(before.seed).toBeNull();

    const { seedRevealedAt } = await revealSeed({ actor: asActor(secretariat), conferenceId, input: { hearingId, confirmed: "yes" } });
    const audit = (await auditRowsFor(db, "Hearing", hearingId)).at(-1);
    expect(audit).toMatchObject({ action: "seed-revealed", actorId: secretariat.id, area: "hearing" });
    expect(audit?.after).toEqual({ seedHash, seedRevealedAt: seedRevealedAt.toISOString() });
    expect(JSON.stringify([audit?.before, audit?.after])).not.toContain(seed);

    const after = JSON.parse((await exportOf(hearingId)).text) as DrawsExport;
    expect(after).toMatchObject({ seed, seedHash, seedRevealedAt: seedRevealedAt.toISOString(), status: "ENDED" });
    const verification = verifyDrawsFile(after);
    expect(verification.seedMatchesHash).toBe(true);
    expect(verification.draws.map((d) => d.matches)).toEqual([true, true, true]);
    expect(verification.allMatch).toBe(true);
    expect(after.draws.every((d) => d.revealedAt === seedRevealedAt.toISOString())).toBe(true);

    expect(await refusalOf(revealSeed({ actor: asActor(secretariat), conferenceId, input: { hearingId, confirmed: "yes" } }))).toMatchObject({
      code: "CONFLICT",
      messageKey: "hearingPublic.admin.revealAlready",
    });
    expect((await db.hearing.findUniqueOrThrow({ where: { id: hearingId } })).seedRevealedAt?.toISOString()).toBe(seedRevealedAt.toISOString());
    expect((await auditRowsFor(db, "Hearing", hearingId)).filter((r) => r.action === "seed-revealed")).toHaveLength(1);
  });

  it("refuses to reveal a seed that was never committed", async () => {
    const { hearingId } = await makeHearingWithDraws(db, { conferenceId, status: "ENDED" });
    await db.hearing.update({ where: { id: hearingId }, data: { seed: null, seedHash: null } });
    expect((await refusalOf(revealSeed({ actor: asActor(secretariat), conferenceId, input: { hearingId, confirmed: "yes" } }))).messageKey).toBe(
      "hearingPublic.admin.revealNoSeed",
    );
  });

  it("serves 404 for an unknown hearing and finds the current conference's hearing as `current`", async () => {
    // An earlier hearing of a conference that is not current is not "the current one".
    await makeHearingWithDraws(db, { conferenceId: (await makeHearingConference(db)).id, startsAt: new Date("2020-01-01T10:00:00Z") });
    expect((await exportOf("no-such-hearing")).status).toBe(404);
    expect((await exportOf("bad id!")).status).toBe(404);
    const current = await resolvePublicHearingId(undefined);
    const first = await db.hearing.findFirstOrThrow({ where: { conferenceId }, orderBy: { startsAt: "asc" }, select: { id: true } });
    expect(current).toBe(first.id);
    expect(JSON.parse((await exportOf("current")).text).hearingId).toBe(first.id);
  });

  it("scripts/verify-draws.ts re-runs the export and exits 0, or 1 on a tampered draw", async () => {
    const { hearingId } = await makeHearingWithDraws(db, { conferenceId, status: "ENDED" });
    await revealSeed({ actor: asActor(secretariat), conferenceId, input: { hearingId, confirmed: "yes" } });
    const honest = (await exportOf(hearingId)).text;
    const file = JSON.parse(honest) as DrawsExport;
    const q = file.draws[1] as DrawsExport["draws"][number];
    const tampered = JSON.stringify({ ...file, draws: [file.draws[0], { ...q, result: [...q.result].reverse() }, file.draws[2]] });
    let body = honest;
    const server: Server = createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(body));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const run = async (args: string[] = [base, hearingId]) => {
      try {
        const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/verify-draws.ts", ...args], {
          env: { ...process.env, NO_COLOR: "1" },
        });
        return { code: 0, stdout };
      } catch (error) {
        const e = error as { code: number; stdout: string };
        return { code: e.code, stdout: e.stdout };
      }
    };
    try {
      const ok = await run();
      expect(ok.code).toBe(0);
      expect(ok.stdout).toContain("all draws match");
      body = tampered;
      const bad = await run();
      expect(bad.code).toBe(1);
      expect(bad.stdout).toContain(`${q.id} QUESTIONS ${q.candidateId}: DOES NOT MATCH (resultDiffers)`);
      // From a saved copy of the export alone, the same verdicts.
      const saved = join(await mkdtemp(join(tmpdir(), "draws-")), "draws.json");
      await writeFile(saved, honest);
      const fromFile = await run(["--file", saved]);
      expect(fromFile.code).toBe(0);
      expect(fromFile.stdout).toContain(`entropy ${q.entropy}; pending 0, set aside 1`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }, 60_000);
});

describe("the draws export (docs/draw-specification.md §12)", () => {
  it("gives per draw its commitment, times, entropy and queue counts, and the eligible questions' texts without who asked", async () => {
    const { hearingId, seedHash } = await makeHearingWithDraws(db, { conferenceId, status: "ENDED", revealed: true });
    const file = JSON.parse((await exportOf(hearingId)).text) as DrawsExport;
    const stored = await db.hearing.findUniqueOrThrow({ where: { id: hearingId }, select: { seedCommittedAt: true, seedRevealedAt: true } });
    const rows = await db.draw.findMany({ where: { hearingId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(file.seedCommittedAt).toBe(stored.seedCommittedAt?.toISOString());
    expect(file.specification).toBe("/hearing/draw-specification");
    expect(file.draws.map((d) => [d.id, d.seedHash, d.committedAt, d.drawnAt, d.revealedAt, d.entropy, d.pendingCount, d.setAsideCount])).toEqual(
      rows.map((r) => [
        r.id,
        seedHash,
        stored.seedCommittedAt?.toISOString(),
        r.createdAt.toISOString(),
        stored.seedRevealedAt?.toISOString(),
        r.entropy,
        r.pendingCount,
        r.setAsideCount,
      ]),
    );
    expect(file.draws[0]?.questions).toBeNull();
    const questions = await db.hearingQuestion.findMany({ where: { hearingId }, select: { id: true, body: true, askerName: true, status: true } });
    for (const draw of file.draws.slice(1)) {
      expect(draw.setAsideCount).toBe(1);
      expect(Object.keys(draw.questions ?? {})).toEqual(draw.eligibleIds);
      for (const id of draw.eligibleIds) expect(draw.questions?.[id]).toBe(questions.find((q) => q.id === id)?.body);
    }
    const text = JSON.stringify(file);
    for (const q of questions) expect(text).not.toContain(q.askerName);
    // A set-aside question is counted, never published.
    for (const q of questions.filter((x) => x.status === "SET_ASIDE")) expect(text).not.toContain(q.body);
    expect(text).not.toMatch(/ipHash|askerName|askerOrigin|bodyHash|sealedSeed/);
    expect(verifyDrawsFile(file).allMatch).toBe(true);
  });

  it("publishes a voided commitment with its seed, reason and dates, and its draw checked and shown void before the reveal", async () => {
    const made = await makeHearingWithDraws(db, { conferenceId, status: "ENDED", voided: true });
    const file = JSON.parse((await exportOf(made.hearingId)).text) as DrawsExport;
    const row = await db.voidedCommitment.findFirstOrThrow({ where: { hearingId: made.hearingId } });
    expect(file.voidedCommitments).toEqual([
      { seedHash: row.seedHash, seed: row.seed, committedAt: row.committedAt.toISOString(), voidedAt: row.voidedAt.toISOString(), reason: row.reason },
    ]);
    expect(file.seed).toBeNull();
    const voidDraw = file.draws.find((d) => d.id === made.voided?.drawId);
    expect(voidDraw).toMatchObject({
      voided: true,
      seedHash: made.voided?.seedHash,
      committedAt: row.committedAt.toISOString(),
      revealedAt: row.voidedAt.toISOString(),
    });
    const verification = verifyDrawsFile(file);
    expect(verification.draws.map((d) => [d.voided, d.matches])).toEqual([
      [true, true],
      [false, null],
      [false, null],
      [false, null],
    ]);
    expect(verification.allMatch).toBeNull();
  });

  it("finds a draw dated before its commitment or after the seed was public", async () => {
    const { hearingId } = await makeHearingWithDraws(db, { conferenceId, status: "ENDED", revealed: true, voided: true });
    const rows = await db.draw.findMany({ where: { hearingId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
    const [voidDraw, order, question] = rows;
    const hearing = await db.hearing.findUniqueOrThrow({ where: { id: hearingId }, select: { seedCommittedAt: true, seedRevealedAt: true } });
    const voided = await db.voidedCommitment.findFirstOrThrow({ where: { hearingId } });
    await db.draw.update({ where: { id: order?.id }, data: { createdAt: new Date((hearing.seedCommittedAt as Date).getTime() - 1) } });
    await db.draw.update({ where: { id: question?.id }, data: { createdAt: new Date((hearing.seedRevealedAt as Date).getTime() + 1) } });
    await db.draw.update({ where: { id: voidDraw?.id }, data: { createdAt: new Date(voided.voidedAt.getTime() + 1) } });
    const verification = verifyDrawsFile(JSON.parse((await exportOf(hearingId)).text) as DrawsExport);
    const problems = new Map(verification.draws.map((d) => [d.id, d.problems]));
    expect(problems.get(order?.id ?? "")).toEqual(["drawnBeforeCommit"]);
    expect(problems.get(question?.id ?? "")).toEqual(["drawnAfterReveal"]);
    expect(problems.get(voidDraw?.id ?? "")).toEqual(["drawnAfterReveal"]);
    expect(verification.allMatch).toBe(false);
  });
});

describe("the recording and its chapters", () => {
  const url = "https://video.example.org/hearing/recording.m3u8";

  it("are set by the secretariat only", async () => {
    const { hearingId } = await makeHearingWithDraws(db, { conferenceId });
    await expectOnlyRoleAllowed("SECRETARIAT", (actor) =>
      setRecording({ actor, conferenceId, input: { hearingId, recordingUrl: url, recordingStartedAt: "2030-10-27T09:30" } }),
    );
  });

  it("validates the address, the start and each offset with translated keys, keeping what was saved", async () => {
    const { hearingId, candidates } = await makeHearingWithDraws(db, { conferenceId, names: ["Alpha", "Beta"] });
    await db.hearing.update({ where: { id: hearingId }, data: { recordingUrl: "https://video.example.org/old.mp4", chaptersVtt: "WEBVTT\n" } });
    const refuse = (input: Record<string, unknown>) => refusalOf(setRecording({ actor: asActor(secretariat), conferenceId, input: { hearingId, ...input } }));
    for (const bad of ["http://video.example.org/a.m3u8", "https://video.example.org/a.avi", "javascript:alert(1)", "not a url"]) {
      expect((await refuse({ recordingUrl: bad, recordingStartedAt: "2030-10-27T09:30" })).fieldErrors).toEqual({
        recordingUrl: "hearingPublic.admin.recordingUrlInvalid",
      });
    }
    expect((await refuse({ recordingUrl: "", recordingStartedAt: "2030-10-27T09:30" })).fieldErrors).toEqual({ recordingUrl: "required" });
    expect((await refuse({ recordingUrl: url, recordingStartedAt: "27/10/2030" })).fieldErrors).toEqual({ recordingStartedAt: "date" });
    const [first, second] = candidates;
    expect((await refuse({ recordingUrl: url, [`chapter-${first?.id}`]: "5 minutes" })).fieldErrors).toEqual({
      [`chapter-${first?.id}`]: "hearingPublic.admin.offsetInvalid",
    });
    // Neither a start nor offsets: where would the chapters begin?
    expect((await refuse({ recordingUrl: url, recordingStartedAt: "" })).fieldErrors).toMatchObject({
      recordingStartedAt: "hearingPublic.admin.recordingStartNeeded",
      [`chapter-${first?.id}`]: "hearingPublic.admin.chapter.missingStart",
    });
    // 09:40 in Dubai is 05:40 UTC: after the first presentation began (05:31 UTC).
    expect((await refuse({ recordingUrl: url, recordingStartedAt: "2030-10-27T09:40" })).fieldErrors).toMatchObject({
      recordingStartedAt: "hearingPublic.admin.recordingStartTooLate",
    });
    expect((await refuse({ recordingUrl: url, [`chapter-${first?.id}`]: "20:00", [`chapter-${second?.id}`]: "10:00" })).fieldErrors).toEqual({
      [`chapter-${second?.id}`]: "hearingPublic.admin.chapter.outOfOrder",
    });
    expect((await refuse({ recordingUrl: url, recordingStartedAt: "2030-10-27T09:30", "chapter-someone-else": "1:00" })).fieldErrors).toEqual({
      "chapter-someone-else": "hearingPublic.admin.chapter.notPresenter",
    });
    const kept = await db.hearing.findUniqueOrThrow({ where: { id: hearingId } });
    expect([kept.recordingUrl, kept.chaptersVtt]).toEqual(["https://video.example.org/old.mp4", "WEBVTT\n"]);
    expect((await auditRowsFor(db, "Hearing", hearingId)).filter((r) => r.action === "recording-set")).toHaveLength(0);
  });

  it("is refused before the hearing has ended", async () => {
    const { hearingId } = await makeHearingWithDraws(db, { conferenceId, status: "LIVE" });
    expect(
      (
        await refusalOf(
          setRecording({ actor: asActor(secretariat), conferenceId, input: { hearingId, recordingUrl: url, recordingStartedAt: "2030-10-27T09:30" } }),
        )
      ).messageKey,
    ).toBe("hearingPublic.admin.recordingNotEnded");
  });

  it("places chapters from the recording's start in the conference's zone, audited, served as text/vtt with names escaped", async () => {
    const { hearingId, candidates } = await makeHearingWithDraws(db, { conferenceId, names: ["Ada & <Bob>", "Chen --> Li"] });
    // Hearing 05:30 UTC; the first presentation began one minute later. Dubai is UTC+4.
    const result = await setRecording({
      actor: asActor(secretariat),
      conferenceId,
      input: { hearingId, recordingUrl: url, recordingStartedAt: "2030-10-27T09:30:30", locale: "en" },
    });
    expect(result.chapters).toBe(2);
    const stored = await db.hearing.findUniqueOrThrow({ where: { id: hearingId } });
    expect(stored.recordingUrl).toBe(url);
    const [first, second] = candidates;
    // The first began at 05:31:00 UTC (30 s in), spoke 14:56 + 15:00, then 30 s before the second (see the factory).
    const firstStart = 30_000;
    const secondStart = firstStart + (15 * 60_000 - 4_000) + 15 * 60_000 + 30_000;
    const escaped = (name = "") => (name === "Ada & <Bob>" ? "Ada &amp; &lt;Bob&gt;" : "Chen --&gt; Li");
    expect(stored.chaptersVtt).toBe(
      `WEBVTT\n\n${first?.id}\n00:00:30.000 --> 00:30:56.000\n${escaped(first?.name)}\n\n${second?.id}\n00:30:56.000 --> 01:01:59.000\n${escaped(second?.name)}\n`,
    );
    expect(secondStart).toBe(1_856_000);
    const audit = (await auditRowsFor(db, "Hearing", hearingId)).at(-1);
    expect(audit).toMatchObject({
      action: "recording-set",
      before: { recordingUrl: null, chaptersVtt: null },
      after: { recordingUrl: url, chaptersVtt: stored.chaptersVtt },
    });

    const response = await chaptersRoute(new Request(`http://localhost/api/hearings/${hearingId}/chapters.vtt`), params(hearingId));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/vtt; charset=utf-8");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await response.text()).toBe(stored.chaptersVtt);

    const replay = await readHearingReplay(hearingId);
    expect(replay?.chaptersUrl).toBe(`/api/hearings/${hearingId}/chapters.vtt`);
    expect(replay?.chapters.map((c) => [c.candidateId, c.name, c.startMs])).toEqual([
      [first?.id, first?.name, firstStart],
      [second?.id, second?.name, secondStart],
    ]);
  });

  it("takes offsets typed per candidate", async () => {
    const { hearingId, candidates } = await makeHearingWithDraws(db, { conferenceId });
    const [first, second] = candidates;
    await setRecording({
      actor: asActor(secretariat),
      conferenceId,
      input: { hearingId, recordingUrl: "https://video.example.org/r.mp4", [`chapter-${first?.id}`]: "0:05", [`chapter-${second?.id}`]: "1:00:10" },
    });
    const replay = await readHearingReplay(hearingId);
    expect(replay?.chapters.map((c) => [c.startMs, c.endMs])).toEqual([
      [5_000, 3_610_000],
      [3_610_000, 3_610_000 + 15 * 60_000 + 62_000 + 15 * 60_000 + 1_000],
    ]);
  });

  it("serves 404 when a hearing has no chapters", async () => {
    const { hearingId } = await makeHearingWithDraws(db, { conferenceId });
    expect((await chaptersRoute(new Request("http://localhost/"), params(hearingId))).status).toBe(404);
    expect((await chaptersRoute(new Request("http://localhost/"), params("../etc"))).status).toBe(404);
  });
});

describe("the parity report", () => {
  it("appears only once the hearing has ended, with actual times and extensions", async () => {
    const live = await makeHearingWithDraws(db, { conferenceId, status: "LIVE" });
    expect((await readParity(live.hearingId))?.report).toBeNull();
    const { hearingId, candidates } = await makeHearingWithDraws(db, { conferenceId, status: "ENDED" });
    const parity = await readParity(hearingId);
    expect(parity?.report?.rows.map((r) => r.candidateId)).toEqual(candidates.map((c) => c.id));
    expect(parity?.report?.rows.map((r) => [r.presentation.actualMs, r.presentation.differenceMs, r.qa.actualMs])).toEqual([
      [15 * 60_000 - 4_000, -4_000, 15 * 60_000],
      [15 * 60_000 + 62_000, 62_000, 15 * 60_000 + 1_000],
    ]);
    expect(parity?.report?.rows[1]?.extensions).toEqual([
      expect.objectContaining({ phase: "PRESENTATION", addedMs: 60_000, reason: "Interpretation into Arabic was lost for a minute." }),
    ]);
    // Totals 29:56 and 31:03.
    expect(parity?.report?.spreadMs).toBe(67_000);
  });
});

describe("the conference given (docs/decisions/012)", () => {
  it("refuses, as not found, to reveal the seed of or set the recording of a hearing of another conference", async () => {
    const other = await makeHearingConference(db);
    const { hearingId } = await makeHearingWithDraws(db, { conferenceId: other.id, status: "ENDED" });
    const recording = { hearingId, recordingUrl: "https://video.example.org/r.mp4", recordingStartedAt: "2030-10-27T09:30" };
    expect((await refusalOf(revealSeed({ actor: asActor(secretariat), conferenceId, input: { hearingId, confirmed: "yes" } }))).code).toBe("NOT_FOUND");
    expect((await refusalOf(setRecording({ actor: asActor(secretariat), conferenceId, input: recording }))).code).toBe("NOT_FOUND");
    expect(await getHearingAfterwardsForAdmin(asActor(secretariat), { conferenceId, hearingId })).toBeNull();
    expect(await db.hearing.findUniqueOrThrow({ where: { id: hearingId }, select: { seedRevealedAt: true, recordingUrl: true } })).toEqual({
      seedRevealedAt: null,
      recordingUrl: null,
    });
    // On its own conference's page it is there.
    expect((await getHearingAfterwardsForAdmin(asActor(secretariat), { conferenceId: other.id, hearingId }))?.id).toBe(hearingId);
  });

  it("refuses to reveal the seed or set the recording once the conference is closed", async () => {
    const closed = await makeHearingConference(db);
    const { hearingId } = await makeHearingWithDraws(db, { conferenceId: closed.id, status: "ENDED" });
    await db.conference.update({ where: { id: closed.id }, data: { closedAt: new Date() } });
    const closedRefusal = { code: "CONFLICT", messageKey: "conferences.CONFERENCE_CLOSED" };
    expect(await refusalOf(revealSeed({ actor: asActor(secretariat), conferenceId: closed.id, input: { hearingId, confirmed: "yes" } }))).toMatchObject(
      closedRefusal,
    );
    const recording = { hearingId, recordingUrl: "https://video.example.org/r.mp4", recordingStartedAt: "2030-10-27T09:30" };
    expect(await refusalOf(setRecording({ actor: asActor(secretariat), conferenceId: closed.id, input: recording }))).toMatchObject(closedRefusal);
    expect((await auditRowsFor(db, "Hearing", hearingId)).filter((r) => r.action === "seed-revealed" || r.action === "recording-set")).toHaveLength(0);
  });
});
