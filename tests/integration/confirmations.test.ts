import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { changeCandidateStatus } from "@/lib/candidates/change-status";
import { takeDownProfileFile, takeDownProfileVersion } from "@/lib/candidates/take-down-profile";
import { removeCostItem } from "@/lib/costs/remove-cost-item";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { deletePost } from "@/lib/elections/delete-post";
import { retirePost } from "@/lib/elections/retire-post";
import { declineQuestion, hideQuestion, withdrawQuestion } from "@/lib/forum/moderate";
import { commitSeed } from "@/lib/hearings/commit-seed";
import { revealSeed } from "@/lib/hearings/reveal-seed";
import { takeDownMaterial } from "@/lib/materials/take-down";
import { disableUser } from "@/lib/users/disable-user";
import { withAppDatabase } from "../support/app-database";
import { asActor, makeCandidate, makeMemberState, makePost, makeUser } from "../support/factories";
import { consoleConference } from "../support/factories-candidates";
import { refusalOf } from "../support/roles";

// docs/conventions.md#confirmations: every action that cannot be undone is refused, in the
// user's language, unless its form says the dialog was confirmed; and nothing is written.

const database = withAppDatabase();
let db: PrismaClient;
let secretariat: Actor;
let conferenceId: string;

const REFUSED = { code: "INVALID_INPUT", messageKey: "confirm.required", fieldErrors: { confirmed: "confirm.required" } };
const REASON = "A reason long enough to be accepted.";

beforeAll(async () => {
  db = createDb(database.url());
  conferenceId = (await consoleConference(db)).id;
  secretariat = asActor(await makeUser(db, "SECRETARIAT"));
});

describe("irreversible actions need confirmed=yes", () => {
  it("a status change is refused without it (absent, or anything but yes) and the candidature stays formal", async () => {
    const post = await makePost(db, conferenceId);
    const state = await makeMemberState(db);
    const candidate = await makeCandidate(db, { conferenceId, postId: post.id, memberStateId: state.id });
    for (const confirmed of [undefined, "", "no", "on", "YES"]) {
      const input = { id: candidate.id, to: "WITHDRAWN", confirmed };
      expect(await refusalOf(changeCandidateStatus({ actor: secretariat, conferenceId, input }))).toMatchObject(REFUSED);
    }
    expect((await db.candidate.findUniqueOrThrow({ where: { id: candidate.id } })).status).toBe("FORMAL");
    expect(await db.candidateStatusChange.count({ where: { candidateId: candidate.id } })).toBe(0);
    const withdrawn = await changeCandidateStatus({ actor: secretariat, conferenceId, input: { id: candidate.id, to: "WITHDRAWN", confirmed: "yes" } });
    expect(withdrawn.status).toBe("WITHDRAWN");
  });

  it("retiring and deleting a post are refused without it and the post stays", async () => {
    const post = await makePost(db, conferenceId);
    expect(await refusalOf(retirePost({ actor: secretariat, conferenceId, input: { id: post.id } }))).toMatchObject(REFUSED);
    expect(await refusalOf(deletePost({ actor: secretariat, conferenceId, input: { id: post.id } }))).toMatchObject(REFUSED);
    expect(await db.post.findUniqueOrThrow({ where: { id: post.id } })).toMatchObject({ retiredAt: null });
  });

  it("disabling an account is refused without it and the account keeps working", async () => {
    const member = await makeUser(db, "MEMBER");
    expect(await refusalOf(disableUser({ actor: secretariat, input: { userId: member.id } }))).toMatchObject(REFUSED);
    expect(await db.user.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({ disabledAt: null });
  });

  it.each([
    ["commitSeed", () => commitSeed({ actor: secretariat, conferenceId, input: {} })],
    ["revealSeed", () => revealSeed({ actor: secretariat, conferenceId, input: { hearingId: "h1" } })],
    ["removeCostItem", () => removeCostItem({ actor: secretariat, conferenceId, input: { id: "c1" } })],
    ["takeDownMaterial", () => takeDownMaterial({ actor: secretariat, input: { id: "m1", reason: REASON } })],
    ["takeDownProfileVersion", () => takeDownProfileVersion({ actor: secretariat, input: { candidateId: "c1", version: "en", reason: REASON } })],
    ["takeDownProfileFile", () => takeDownProfileFile({ actor: secretariat, input: { candidateId: "c1", kind: "photo", reason: REASON } })],
    ["hideQuestion", () => hideQuestion({ actor: secretariat, input: { id: "q1", reason: REASON } })],
  ] as const)("%s is refused without it, before anything is read", async (_name, call) => {
    expect(await refusalOf(call())).toMatchObject(REFUSED);
  });

  it.each([
    ["declineQuestion", declineQuestion],
    ["withdrawQuestion", withdrawQuestion],
  ] as const)("%s (the candidate's own forum) is refused without it", async (_name, service) => {
    const post = await makePost(db, conferenceId);
    const state = await makeMemberState(db);
    const candidate = await makeCandidate(db, { conferenceId, postId: post.id, memberStateId: state.id });
    const actor = asActor(await makeUser(db, "CANDIDATE", { candidateId: candidate.id }));
    expect(await refusalOf(service({ actor, input: { id: "q1", reason: REASON } }))).toMatchObject(REFUSED);
  });

  it("still checks the caller first: without the right, the refusal is FORBIDDEN whatever the confirmation", async () => {
    const member = asActor(await makeUser(db, "MEMBER"));
    expect((await refusalOf(commitSeed({ actor: member, conferenceId, input: {} }))).code).toBe("FORBIDDEN");
  });
});
