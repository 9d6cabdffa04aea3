import { beforeAll, describe, expect, it } from "vitest";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { updateConference } from "@/lib/elections/update-conference";
import { askQuestion } from "@/lib/forum/ask";
import { FORUM_RATE_LIMITS } from "@/lib/forum/limits";
import { DIGEST_DELAY_MS } from "@/lib/forum/notify";
import { HONEYPOT_FIELD } from "@/lib/abuse/honeypot";
import { withAppDatabase } from "../support/app-database";
import { makeCandidate, makeMemberState, makePost, unique } from "../support/factories";
import { consoleConference } from "../support/factories-candidates";
import { askInput, makeForumCandidate, someAddress } from "../support/factories-forum";
import { makeSecretariat } from "../support/factories-users";
import { refusalOf } from "../support/roles";
import { metrics } from "@/lib/observability/metrics";
import { isDomainError } from "@/lib/errors/domain-error";
import { classifyInfrastructureError } from "@/lib/errors/infrastructure";

/** Refusals counted for /api/metrics (docs/decisions/029-observability-and-shutdown.md). */
async function refusalsCounted(kind: string): Promise<number> {
  return (await metrics().limitRefusals.get()).values.find((v) => v.labels.kind === kind)?.value ?? 0;
}

const database = withAppDatabase();
let db: PrismaClient;

// The factories' conferences open on 28 Oct 2030; their forums are open before that.
const NOW = new Date("2030-06-01T10:00:00Z");
const minutesLater = (m: number) => new Date(NOW.getTime() + m * 60_000);

beforeAll(() => {
  db = createDb(database.url());
});

async function formalCandidate() {
  return (await makeForumCandidate(db)).candidate;
}

describe("asking a question", () => {
  it("keeps the question pending, with a hash of the address instead of the address", async () => {
    const candidate = await formalCandidate();
    const ip = someAddress();
    const input = askInput(candidate.id, { askerEmail: "Asker@Example.org", askerAffiliation: "University of Dakar" });
    expect(await askQuestion({ input, client: { ip }, now: NOW })).toMatchObject({ accepted: true });
    const [stored] = await db.forumQuestion.findMany({ where: { candidateId: candidate.id } });
    expect(stored).toMatchObject({
      status: "PENDING",
      askerName: input.askerName,
      askerCountry: "Senegal",
      askerAffiliation: "University of Dakar",
      askerEmail: "Asker@Example.org",
      body: input.body,
      publishedAt: null,
      answer: null,
    });
    expect(stored?.ipHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(ip);
  });

  it("refuses invalid input field by field and stores nothing", async () => {
    const candidate = await formalCandidate();
    const refusal = await refusalOf(
      askQuestion({ input: askInput(candidate.id, { askerName: "", body: "x".repeat(2001), askerEmail: "nope" }), client: { ip: someAddress() }, now: NOW }),
    );
    expect(refusal).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { askerName: "required", body: "tooLong:2000", askerEmail: "email" } });
    expect(await db.forumQuestion.count({ where: { candidateId: candidate.id } })).toBe(0);
  });

  it("says an unknown candidate is not found", async () => {
    expect((await refusalOf(askQuestion({ input: askInput("no-such-candidate"), client: { ip: someAddress() }, now: NOW }))).code).toBe("NOT_FOUND");
  });

  it("answers a filled honeypot as it answers a person, and stores nothing", async () => {
    const candidate = await formalCandidate();
    const input = askInput(candidate.id, { [HONEYPOT_FIELD]: "https://cheap-pills.example" });
    expect(await askQuestion({ input, client: { ip: someAddress() }, now: NOW })).toMatchObject({ accepted: true });
    // Even with invalid fields, a robot learns nothing.
    expect(await askQuestion({ input: { ...input, askerName: "" }, client: { ip: someAddress() }, now: NOW })).toMatchObject({ accepted: true });
    expect(await db.forumQuestion.count({ where: { candidateId: candidate.id } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { body: { contains: candidate.id } } })).toBe(0);
  });

  it("refuses an exact repeat to the same candidate, whatever its case and spacing, but not to another", async () => {
    const candidate = await formalCandidate();
    const other = await formalCandidate();
    const body = unique("Will you keep the Union's budget balanced?");
    await askQuestion({ input: askInput(candidate.id, { body }), client: { ip: someAddress() }, now: NOW });
    const repeat = await refusalOf(
      askQuestion({ input: askInput(candidate.id, { body: `  ${body.toUpperCase()} ` }), client: { ip: someAddress() }, now: NOW }),
    );
    expect(repeat).toMatchObject({ code: "CONFLICT", messageKey: "forum.repeat" });
    await expect(askQuestion({ input: askInput(other.id, { body }), client: { ip: someAddress() }, now: NOW })).resolves.toMatchObject({ accepted: true });
    expect(await db.forumQuestion.count({ where: { candidateId: candidate.id } })).toBe(1);
  });

  it("refuses a repeat of a declined question too", async () => {
    const candidate = await formalCandidate();
    const body = unique("Spam spam spam");
    await askQuestion({ input: askInput(candidate.id, { body }), client: { ip: someAddress() }, now: NOW });
    await db.forumQuestion.updateMany({ where: { candidateId: candidate.id }, data: { status: "DECLINED", declineReason: "Not a question at all." } });
    expect((await refusalOf(askQuestion({ input: askInput(candidate.id, { body }), client: { ip: someAddress() }, now: NOW }))).messageKey).toBe(
      "forum.repeat",
    );
  });
});

describe("rate limits", () => {
  it("refuses the sixth question from one address within ten minutes, with the wait counted from the oldest", async () => {
    const ip = someAddress();
    const { max } = FORUM_RATE_LIMITS.perAddress;
    // Spread over several candidates: the limit is per address, not per forum.
    for (let i = 0; i < max; i++) {
      const candidate = await formalCandidate();
      await askQuestion({ input: askInput(candidate.id), client: { ip }, now: minutesLater(i) });
    }
    const target = await formalCandidate();
    const at = minutesLater(max - 1 + 0.5);
    const refusal = await refusalOf(askQuestion({ input: askInput(target.id), client: { ip }, now: at }));
    // The first was at NOW; it leaves the 10-minute window at NOW + 10 min, 5.5 minutes after `at`.
    expect(refusal).toMatchObject({ code: "RATE_LIMITED", messageKey: "forum.rateLimited", values: { minutes: 6 } });
    const thrown = await askQuestion({ input: askInput(target.id), client: { ip }, now: at }).catch((e: unknown) => e);
    expect(thrown).toMatchObject({ retryAfterSeconds: 330 });
    expect(await db.forumQuestion.count({ where: { candidateId: target.id } })).toBe(0);
    // Another address is not held back, and this one may ask again once the oldest has left the window.
    await expect(askQuestion({ input: askInput(target.id), client: { ip: someAddress() }, now: at })).resolves.toMatchObject({ accepted: true });
    await expect(askQuestion({ input: askInput(target.id), client: { ip }, now: minutesLater(10.01) })).resolves.toMatchObject({ accepted: true });
  });

  it("refuses a flood to one forum from many addresses, and lets other forums be", async () => {
    const candidate = await formalCandidate();
    const { max } = FORUM_RATE_LIMITS.perCandidate;
    for (let i = 0; i < max; i++) await askQuestion({ input: askInput(candidate.id), client: { ip: someAddress() }, now: NOW });
    const counted = await refusalsCounted("forum");
    const refusal = await askQuestion({ input: askInput(candidate.id), client: { ip: someAddress() }, now: new Date(NOW.getTime() + 20_000) }).catch(
      (e: unknown) => e,
    );
    expect(refusal).toMatchObject({ code: "RATE_LIMITED", messageKey: "forum.rateLimited", retryAfterSeconds: 40, values: { minutes: 1 } });
    expect(await refusalsCounted("forum")).toBe(counted + 1);
    const other = await formalCandidate();
    await expect(askQuestion({ input: askInput(other.id), client: { ip: someAddress() }, now: NOW })).resolves.toMatchObject({ accepted: true });
  });

  it("holds under concurrent requests: no more than the limit gets through at once", async () => {
    const ip = someAddress();
    const candidate = await formalCandidate();
    const ask = () => askQuestion({ input: askInput(candidate.id), client: { ip }, now: NOW });
    const results = await Promise.allSettled(Array.from({ length: 12 }, ask));
    const max = FORUM_RATE_LIMITS.perAddress.max;
    // Twelve transactions queue on one lock: in a starved test process the last ones can run out
    // of time, which is the database's "busy", never a fault; every other refusal is the limit's.
    const refusals = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    for (const reason of refusals) expect(classifyInfrastructureError(reason) !== null || (isDomainError(reason) && reason.code === "RATE_LIMITED")).toBe(true);
    const accepted = results.length - refusals.length;
    expect(accepted).toBeLessThanOrEqual(max);
    expect(await db.forumQuestion.count({ where: { candidateId: candidate.id } })).toBe(accepted);
    // Asked again one at a time, those that ran out of time fill the limit exactly, and no more.
    for (let i = accepted; i < max + 1; i++) await ask().catch((error: unknown) => expect(isDomainError(error) && error.code === "RATE_LIMITED").toBe(true));
    expect(await db.forumQuestion.count({ where: { candidateId: candidate.id } })).toBe(max);
  });
});

describe("the forum's window", () => {
  it.each(["ANNOUNCED", "WITHDRAWN", "ELECTED"] as const)("refuses a question to a %s candidature with the reason", async (status) => {
    const { candidate } = await makeForumCandidate(db, "ANNOUNCED");
    await db.candidate.update({ where: { id: candidate.id }, data: { status } });
    const refusal = await refusalOf(askQuestion({ input: askInput(candidate.id), client: { ip: someAddress() }, now: NOW }));
    const reason = { ANNOUNCED: "forum.closedNotFormal", WITHDRAWN: "forum.closedWithdrawn", ELECTED: "forum.closedElectionHeld" }[status];
    expect(refusal).toMatchObject({ code: "CONFLICT", messageKey: reason });
    expect(await db.forumQuestion.count({ where: { candidateId: candidate.id } })).toBe(0);
  });

  it("closes when the conference opens (midnight of the first day, on the conference's clocks)", async () => {
    const candidate = await formalCandidate();
    // The factories' conference: Geneva, opening 28 Oct 2030 (winter time, UTC+1).
    const lastMoment = new Date("2030-10-27T22:59:59Z");
    await expect(askQuestion({ input: askInput(candidate.id), client: { ip: someAddress() }, now: lastMoment })).resolves.toMatchObject({ accepted: true });
    const refusal = await refusalOf(askQuestion({ input: askInput(candidate.id), client: { ip: someAddress() }, now: new Date("2030-10-27T23:00:00Z") }));
    expect(refusal).toMatchObject({ code: "CONFLICT", messageKey: "forum.closedAfterClosing" });
  });

  it("follows the closing time the secretariat sets, and the opening again when it is cleared", async () => {
    // A conference of this test's own, dated like PP-18 (Dubai, opening 29 Oct 2018).
    const conference = await consoleConference(db);
    const post = await makePost(db, conference.id);
    const state = await makeMemberState(db);
    const candidate = await makeCandidate(db, { conferenceId: conference.id, postId: post.id, memberStateId: state.id });
    const { actor } = await makeSecretariat(db);
    const settings = {
      name: "PP-18",
      city: "Dubai",
      opensOn: "2018-10-29",
      closesOn: "2018-11-16",
      timeZone: "Asia/Dubai",
      corporateDomains: "itu.int",
      defaultWebcastAccess: "PUBLIC",
    };
    const ask = (now: string) => askQuestion({ input: askInput(candidate.id), client: { ip: someAddress() }, now: new Date(now) });

    await expect(ask("2018-10-20T10:00:00Z")).resolves.toMatchObject({ accepted: true });
    // Earlier: 20 Oct 2018 12:00 in Dubai is 08:00 UTC.
    await updateConference({ actor, conferenceId: conference.id, input: { ...settings, forumClosesAt: "2018-10-20T12:00" } });
    expect((await db.conference.findUniqueOrThrow({ where: { id: conference.id } })).forumClosesAt?.toISOString()).toBe("2018-10-20T08:00:00.000Z");
    await expect(ask("2018-10-20T07:59:00Z")).resolves.toMatchObject({ accepted: true });
    expect((await refusalOf(ask("2018-10-20T08:00:00Z"))).messageKey).toBe("forum.closedAfterClosing");
    // A save of the form without the field keeps it.
    await updateConference({ actor, conferenceId: conference.id, input: settings });
    expect((await refusalOf(ask("2018-10-21T10:00:00Z"))).messageKey).toBe("forum.closedAfterClosing");
    // Later than the opening, into the conference.
    await updateConference({ actor, conferenceId: conference.id, input: { ...settings, forumClosesAt: "2018-11-05T18:00" } });
    await expect(ask("2018-11-01T10:00:00Z")).resolves.toMatchObject({ accepted: true });
    // Cleared: the opening again.
    await updateConference({ actor, conferenceId: conference.id, input: { ...settings, forumClosesAt: "" } });
    expect((await refusalOf(ask("2018-11-01T11:00:00Z"))).messageKey).toBe("forum.closedAfterClosing");
    await expect(ask("2018-10-28T19:59:00Z")).resolves.toMatchObject({ accepted: true });
  });

  it("refuses a closing time after the conference and audits the change of one", async () => {
    const conference = await consoleConference(db);
    const { actor, user } = await makeSecretariat(db);
    const settings = {
      name: "PP-18",
      city: "Dubai",
      opensOn: "2018-10-29",
      closesOn: "2018-11-16",
      timeZone: "Asia/Dubai",
      corporateDomains: "itu.int",
      defaultWebcastAccess: "PUBLIC",
    };
    expect(await refusalOf(updateConference({ actor, conferenceId: conference.id, input: { ...settings, forumClosesAt: "2018-11-17T00:00" } }))).toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { forumClosesAt: "forum.closesAfterConference" },
    });
    expect(await refusalOf(updateConference({ actor, conferenceId: conference.id, input: { ...settings, forumClosesAt: "tomorrow" } }))).toMatchObject({
      fieldErrors: { forumClosesAt: "date" },
    });
    const saved = await updateConference({ actor, conferenceId: conference.id, input: { ...settings, forumClosesAt: "2018-10-25T09:00" } });
    const [row] = await db.auditEvent.findMany({ where: { actorId: user.id, area: "conference" }, orderBy: { id: "desc" }, take: 1 });
    expect(row).toMatchObject({ action: "updated" });
    expect(row?.after).toMatchObject({ forumClosesAt: "2018-10-25T05:00:00.000Z" });
    expect(saved.forumClosesAt?.toISOString()).toBe("2018-10-25T05:00:00.000Z");
  });
});

describe("the candidate's digest", () => {
  it("is one message for several questions, counting them, and is not sent at once", async () => {
    const { candidate, user } = await makeForumCandidate(db);
    for (let i = 0; i < 3; i++) await askQuestion({ input: askInput(candidate.id), client: { ip: someAddress() }, now: minutesLater(i) });
    const mail = await db.outboxMessage.findMany({ where: { toAddress: user.email } });
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ kind: "forum-digest", status: "PENDING", subject: "Your forum: 3 questions are waiting" });
    expect(mail[0]?.body).toContain("3 questions are waiting");
    // Gathered for the digest period from the first question.
    expect(mail[0]?.nextAttemptAt.toISOString()).toBe(new Date(NOW.getTime() + DIGEST_DELAY_MS).toISOString());
  });

  it("does not say what the questions are or who asked (the candidate reads them in the workspace)", async () => {
    const { candidate, user } = await makeForumCandidate(db);
    const input = askInput(candidate.id, { askerEmail: "private@example.org" });
    await askQuestion({ input, client: { ip: someAddress() }, now: NOW });
    const [mail] = await db.outboxMessage.findMany({ where: { toAddress: user.email } });
    expect(mail?.body).not.toContain(input.body);
    expect(mail?.body).not.toContain("private@example.org");
  });

  it("goes to nobody when the candidate has no active account", async () => {
    const { candidate, user } = await makeForumCandidate(db);
    await db.user.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    await askQuestion({ input: askInput(candidate.id), client: { ip: someAddress() }, now: NOW });
    expect(await db.outboxMessage.count({ where: { toAddress: user.email } })).toBe(0);
  });
});
