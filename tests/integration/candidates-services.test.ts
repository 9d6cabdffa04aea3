import { beforeAll, describe, expect, it } from "vitest";
import { getCandidateForAdmin, getNominationOptions, listCandidatesForAdmin } from "@/lib/candidates/candidates-admin";
import { changeCandidateStatus } from "@/lib/candidates/change-status";
import { registerCandidate } from "@/lib/candidates/register-candidate";
import { updateCandidate } from "@/lib/candidates/update-candidate";
import type { Actor } from "@/lib/auth/permissions";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { withAppDatabase } from "../support/app-database";
import { auditRowsFor } from "../support/audit";
import { asActor, makeMemberState, makePost, makeUser, unique } from "../support/factories";
import { consoleConference, makeStateIn, pastConference } from "../support/factories-candidates";
import { expectOnlyRoleAllowed, refusalOf } from "../support/roles";

const database = withAppDatabase();
let db: PrismaClient;
let actor: Actor;
let conferenceId: string;
let stateId: string;

beforeAll(async () => {
  db = createDb(database.url());
  conferenceId = (await consoleConference(db)).id;
  actor = asActor(await makeUser(db, "SECRETARIAT"));
  stateId = (await makeMemberState(db)).id;
});

async function register(extra: Record<string, string> = {}, confId = conferenceId) {
  const post = await makePost(db, confId);
  return registerCandidate({ actor, conferenceId: confId, input: { name: unique("Candidate"), postId: post.id, memberStateId: stateId, ...extra } });
}

const history = (candidateId: string) =>
  db.candidateStatusChange.findMany({ where: { candidateId }, orderBy: { at: "asc" }, select: { fromStatus: true, toStatus: true, actorId: true } });

describe("registering candidatures on real Postgres", () => {
  it("registers an internal candidate as announced, with the first history row and the audit row", async () => {
    const candidate = await register({ isInternal: "on" });
    expect(candidate).toMatchObject({ status: "ANNOUNCED", isInternal: true, conferenceId, memberStateId: stateId });
    expect(await history(candidate.id)).toEqual([{ fromStatus: null, toStatus: "ANNOUNCED", actorId: actor.id }]);
    const audit = await auditRowsFor(db, "Candidate", candidate.id);
    expect(audit.map((a) => [a.area, a.action, a.actorId])).toEqual([["candidate", "registered", actor.id]]);
  });

  it("refuses a missing name, a retired post, a state admitted after the conference and a state outside the seat's region", async () => {
    const post = await makePost(db, conferenceId);
    expect(await refusalOf(registerCandidate({ actor, conferenceId, input: { name: " ", postId: post.id, memberStateId: stateId } }))).toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { name: "required" },
    });
    const retired = await db.post.update({ where: { id: (await makePost(db, conferenceId)).id }, data: { retiredAt: new Date() } });
    expect(await refusalOf(registerCandidate({ actor, conferenceId, input: { name: "A", postId: retired.id, memberStateId: stateId } }))).toMatchObject({
      messageKey: "adminCandidates.postRetired",
      fieldErrors: { postId: "adminCandidates.postRetired" },
    });
    const palau = await makeStateIn(db, "E", new Date("2024-09-19"));
    expect((await refusalOf(registerCandidate({ actor, conferenceId, input: { name: "A", postId: post.id, memberStateId: palau.id } }))).messageKey).toBe(
      "adminCandidates.stateNotMember",
    );
    const seat = await db.post.update({ where: { id: (await makePost(db, conferenceId)).id }, data: { kind: "RRB_SEAT", region: "A" } });
    const europe = await makeStateIn(db, "B");
    expect((await refusalOf(registerCandidate({ actor, conferenceId, input: { name: "A", postId: seat.id, memberStateId: europe.id } }))).messageKey).toBe(
      "adminCandidates.stateOutsideRegion",
    );
    expect(await db.candidate.count({ where: { postId: { in: [post.id, retired.id, seat.id] } } })).toBe(0);
  });
});

describe("status changes on real Postgres", () => {
  it("moves announced → formal → elected, keeping each step in the history and the audit log", async () => {
    const candidate = await register();
    const formal = await changeCandidateStatus({ actor, input: { id: candidate.id, to: "FORMAL", formallyReceivedAt: "2018-09-20T10:00", confirmed: "yes" } });
    // Geneva wall time (CEST, UTC+2).
    expect(formal.formallyReceivedAt?.toISOString()).toBe("2018-09-20T08:00:00.000Z");
    await changeCandidateStatus({ actor, input: { id: candidate.id, to: "ELECTED", note: "Elected in the second round.", confirmed: "yes" } });
    expect((await history(candidate.id)).map((h) => [h.fromStatus, h.toStatus])).toEqual([
      [null, "ANNOUNCED"],
      ["ANNOUNCED", "FORMAL"],
      ["FORMAL", "ELECTED"],
    ]);
    const audit = await auditRowsFor(db, "Candidate", candidate.id);
    expect(audit.map((a) => a.action)).toEqual(["registered", "status-changed", "status-changed"]);
    expect(audit[2]?.before).toMatchObject({ status: "FORMAL" });
    expect(audit[2]?.after).toMatchObject({ status: "ELECTED", note: "Elected in the second round." });
  });

  it("refuses any other move with the reason, and writes neither history nor audit", async () => {
    const candidate = await register();
    expect(await refusalOf(changeCandidateStatus({ actor, input: { id: candidate.id, to: "ELECTED", confirmed: "yes" } }))).toMatchObject({
      code: "CONFLICT",
      messageKey: "adminCandidates.move.notFormalYet",
    });
    expect((await refusalOf(changeCandidateStatus({ actor, input: { id: candidate.id, to: "FORMAL", confirmed: "yes" } }))).fieldErrors).toEqual({
      formallyReceivedAt: "adminCandidates.receivedRequired",
    });
    await changeCandidateStatus({ actor, input: { id: candidate.id, to: "FORMAL", formallyReceivedAt: "2018-09-01T09:00", confirmed: "yes" } });
    expect((await refusalOf(changeCandidateStatus({ actor, input: { id: candidate.id, to: "ANNOUNCED", confirmed: "yes" } }))).messageKey).toBe(
      "adminCandidates.move.backwards",
    );
    await changeCandidateStatus({ actor, input: { id: candidate.id, to: "WITHDRAWN", confirmed: "yes" } });
    expect(
      (await refusalOf(changeCandidateStatus({ actor, input: { id: candidate.id, to: "FORMAL", formallyReceivedAt: "2018-09-01T09:00", confirmed: "yes" } })))
        .messageKey,
    ).toBe("adminCandidates.move.final");
    expect(await refusalOf(changeCandidateStatus({ actor, input: { id: candidate.id, to: "SOMETHING", confirmed: "yes" } }))).toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { to: "choose" },
    });
    expect(await history(candidate.id)).toHaveLength(3);
    expect(await auditRowsFor(db, "Candidate", candidate.id)).toHaveLength(3);
  });

  it("refuses a candidature received after the deadline, unless the deadline was overridden", async () => {
    const conference = await pastConference(db, "2018-10-29");
    const candidate = await register({}, conference.id);
    // GR170: 1 October 2018, 23:59 Geneva time.
    const late = { id: candidate.id, to: "FORMAL", formallyReceivedAt: "2018-10-02T00:00" };
    expect((await refusalOf(changeCandidateStatus({ actor, input: { ...late, confirmed: "yes" } }))).messageKey).toBe("adminCandidates.receivedAfterDeadline");
    expect(await changeCandidateStatus({ actor, input: { ...late, formallyReceivedAt: "2018-10-01T23:59", confirmed: "yes" } }).then((c) => c.status)).toBe(
      "FORMAL",
    );

    const other = await register({}, conference.id);
    await db.conference.update({
      where: { id: conference.id },
      data: { deadlineOverrideAt: new Date("2018-10-05T16:00:00Z"), deadlineOverrideReason: "Postal strike." },
    });
    const formal = await changeCandidateStatus({ actor, input: { ...late, id: other.id, confirmed: "yes" } });
    expect(formal.status).toBe("FORMAL");
  });
});

describe("correcting a candidature on real Postgres", () => {
  it("edits the name, post, state and flag while announced or formal, with before and after audited", async () => {
    const candidate = await register();
    const post = await makePost(db, conferenceId);
    const state = await makeMemberState(db);
    const after = await updateCandidate({
      actor,
      conferenceId,
      input: { id: candidate.id, name: "Corrected Name", postId: post.id, memberStateId: state.id, isInternal: "on" },
    });
    expect(after).toMatchObject({ name: "Corrected Name", postId: post.id, memberStateId: state.id, isInternal: true });
    const [, updated] = await auditRowsFor(db, "Candidate", candidate.id);
    expect(updated?.action).toBe("updated");
    expect(updated?.before).toMatchObject({ name: candidate.name, isInternal: false });
  });

  it("keeps a candidate on their post after it is retired, but refuses to move them onto a retired one", async () => {
    const candidate = await register();
    await db.post.update({ where: { id: candidate.postId }, data: { retiredAt: new Date() } });
    const kept = await updateCandidate({
      actor,
      conferenceId,
      input: { id: candidate.id, name: "Still standing", postId: candidate.postId, memberStateId: stateId },
    });
    expect(kept.name).toBe("Still standing");
    const other = await register();
    expect(
      (await refusalOf(updateCandidate({ actor, conferenceId, input: { id: other.id, name: "x", postId: candidate.postId, memberStateId: stateId } })))
        .messageKey,
    ).toBe("adminCandidates.postRetired");
  });

  it("refuses to edit an ended candidature and refuses a bad input", async () => {
    const candidate = await register();
    const input = { id: candidate.id, name: "New", postId: candidate.postId, memberStateId: stateId };
    expect((await refusalOf(updateCandidate({ actor, conferenceId, input: { ...input, name: "" } }))).fieldErrors).toEqual({ name: "required" });
    await changeCandidateStatus({ actor, input: { id: candidate.id, to: "FORMAL", formallyReceivedAt: "2018-09-01T09:00", confirmed: "yes" } });
    await changeCandidateStatus({ actor, input: { id: candidate.id, to: "NOT_ELECTED", confirmed: "yes" } });
    expect((await refusalOf(updateCandidate({ actor, conferenceId, input }))).messageKey).toBe("adminCandidates.notEditable");
  });
});

describe("reads for the console", () => {
  it("lists the console conference's candidatures and shows one with its history and account", async () => {
    const candidate = await register();
    const account = await makeUser(db, "CANDIDATE", { candidateId: candidate.id });
    expect((await listCandidatesForAdmin(actor, conferenceId)).some((c) => c.id === candidate.id)).toBe(true);
    const detail = await getCandidateForAdmin(actor, { conferenceId, id: candidate.id });
    expect(detail.user?.id).toBe(account.id);
    expect(detail.statusHistory).toHaveLength(1);
    const options = await getNominationOptions(actor, conferenceId);
    expect(options.posts.some((p) => p.id === candidate.postId)).toBe(true);
    expect((await refusalOf(getCandidateForAdmin(actor, { conferenceId, id: "no-such-candidate" }))).code).toBe("NOT_FOUND");
  });
});

describe("only the secretariat", () => {
  it("may register, edit, change the status of and read candidatures", async () => {
    const candidate = await register();
    const post = await makePost(db, conferenceId);
    await expectOnlyRoleAllowed("SECRETARIAT", (a) =>
      registerCandidate({ actor: a, conferenceId, input: { name: "X", postId: post.id, memberStateId: stateId } }),
    );
    await expectOnlyRoleAllowed("SECRETARIAT", (a) =>
      updateCandidate({ actor: a, conferenceId, input: { id: candidate.id, name: "X", postId: post.id, memberStateId: stateId } }),
    );
    await expectOnlyRoleAllowed("SECRETARIAT", (a) =>
      changeCandidateStatus({ actor: a, input: { id: candidate.id, to: "FORMAL", formallyReceivedAt: "2018-09-01T09:00", confirmed: "yes" } }),
    );
    await expectOnlyRoleAllowed("SECRETARIAT", (a) => listCandidatesForAdmin(a, conferenceId));
    await expectOnlyRoleAllowed("SECRETARIAT", (a) => getCandidateForAdmin(a, { conferenceId, id: candidate.id }));
    await expectOnlyRoleAllowed("SECRETARIAT", (a) => getNominationOptions(a, conferenceId));
    expect(await db.candidate.count({ where: { postId: post.id } })).toBe(0);
    expect(await auditRowsFor(db, "Candidate", candidate.id)).toHaveLength(1);
  });
});

describe("candidatures belong to one conference (docs/decisions/012)", () => {
  it("registers for a post of the conference given only, and lists and reads each conference's own", async () => {
    const other = await pastConference(db);
    const theirs = await register({}, other.id);
    expect(theirs.conferenceId).toBe(other.id);
    // A post of another conference is no choice on this conference's form.
    const theirPost = await makePost(db, other.id);
    expect(await refusalOf(registerCandidate({ actor, conferenceId, input: { name: "A", postId: theirPost.id, memberStateId: stateId } }))).toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { postId: "choose" },
    });
    expect((await listCandidatesForAdmin(actor, conferenceId)).map((c) => c.id)).not.toContain(theirs.id);
    expect((await listCandidatesForAdmin(actor, other.id)).map((c) => c.id)).toEqual([theirs.id]);
    expect((await getNominationOptions(actor, conferenceId)).posts.map((p) => p.id)).not.toContain(theirPost.id);
    expect((await refusalOf(getCandidateForAdmin(actor, { conferenceId, id: theirs.id }))).code).toBe("NOT_FOUND");
  });

  it("refuses, as not found, to edit a candidature of another conference, or to move it from a form of another", async () => {
    const other = await pastConference(db);
    const theirs = await register({}, other.id);
    const input = { id: theirs.id, name: "Renamed", postId: theirs.postId, memberStateId: stateId };
    expect((await refusalOf(updateCandidate({ actor, conferenceId, input }))).code).toBe("NOT_FOUND");
    const formal = { id: theirs.id, to: "FORMAL", formallyReceivedAt: "2018-09-01T09:00" };
    expect((await refusalOf(changeCandidateStatus({ actor, conferenceId, input: { ...formal, confirmed: "yes" } }))).code).toBe("NOT_FOUND");
    // Its own conference, given or derived from the candidature, is fine.
    expect((await changeCandidateStatus({ actor, conferenceId: other.id, input: { ...formal, confirmed: "yes" } })).status).toBe("FORMAL");
    expect((await changeCandidateStatus({ actor, input: { id: theirs.id, to: "WITHDRAWN", confirmed: "yes" } })).status).toBe("WITHDRAWN");
    expect((await auditRowsFor(db, "Candidate", theirs.id)).map((a) => a.action)).toEqual(["registered", "status-changed", "status-changed"]);
  });

  it("moves an existing candidature to another post of its own conference only", async () => {
    const candidate = await register();
    const elsewhere = await makePost(db, (await pastConference(db)).id);
    expect(
      (await refusalOf(updateCandidate({ actor, conferenceId, input: { id: candidate.id, name: "X", postId: elsewhere.id, memberStateId: stateId } })))
        .fieldErrors,
    ).toEqual({
      postId: "choose",
    });
  });

  it("refuses to register, edit or move a candidature of a closed conference, writing nothing", async () => {
    const closing = await pastConference(db);
    const candidate = await register({}, closing.id);
    const post = await makePost(db, closing.id);
    await db.conference.update({ where: { id: closing.id }, data: { closedAt: new Date() } });
    const refusals = [
      await refusalOf(registerCandidate({ actor, conferenceId: closing.id, input: { name: "A", postId: post.id, memberStateId: stateId } })),
      await refusalOf(updateCandidate({ actor, conferenceId: closing.id, input: { id: candidate.id, name: "B", postId: post.id, memberStateId: stateId } })),
      await refusalOf(changeCandidateStatus({ actor, input: { id: candidate.id, to: "WITHDRAWN", confirmed: "yes" } })),
    ];
    for (const refusal of refusals) expect(refusal).toMatchObject({ code: "CONFLICT", messageKey: "conferences.CONFERENCE_CLOSED" });
    expect(await db.candidate.count({ where: { conferenceId: closing.id } })).toBe(1);
    expect((await auditRowsFor(db, "Candidate", candidate.id)).map((a) => a.action)).toEqual(["registered"]);
  });
});
