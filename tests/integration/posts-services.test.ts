import { beforeAll, describe, expect, it } from "vitest";
import { createPost } from "@/lib/elections/create-post";
import { deletePost } from "@/lib/elections/delete-post";
import { getPostForAdmin, listPostsForAdmin } from "@/lib/elections/posts-admin";
import { reinstatePost, retirePost } from "@/lib/elections/retire-post";
import { updatePost } from "@/lib/elections/update-post";
import type { Actor } from "@/lib/auth/permissions";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { withAppDatabase } from "../support/app-database";
import { auditRowsFor } from "../support/audit";
import { asActor, makeCandidate, makeMemberState, makeUser } from "../support/factories";
import { consoleConference, pastConference, postCode, postForm } from "../support/factories-candidates";
import { expectOnlyRoleAllowed, refusalOf } from "../support/roles";

const database = withAppDatabase();
let db: PrismaClient;
let actor: Actor;
let conferenceId: string;

beforeAll(async () => {
  db = createDb(database.url());
  conferenceId = (await consoleConference(db)).id;
  actor = asActor(await makeUser(db, "SECRETARIAT"));
});

describe("posts on real Postgres", () => {
  it("creates a regional seat with its names, and audits it in the same change", async () => {
    const form = postForm({ code: postCode("rrb").toLowerCase(), kind: "RRB_SEAT", region: "B", seats: "2", nameFr: "Siège" });
    const post = await createPost({ actor, conferenceId, input: form });
    expect(post).toMatchObject({ code: form.code?.toUpperCase(), kind: "RRB_SEAT", region: "B", seats: 2, conferenceId });
    expect(post.names).toEqual({ en: form.nameEn, fr: "Siège" });
    const audit = await auditRowsFor(db, "Post", post.id);
    expect(audit.map((a) => [a.action, a.actorId, a.area])).toEqual([["created", actor.id, "post"]]);
    expect(audit[0]?.after).toMatchObject({ code: post.code });
  });

  it("refuses a duplicate code in the conference and a seat without a region, writing nothing", async () => {
    const first = await createPost({ actor, conferenceId, input: postForm() });
    expect(await refusalOf(createPost({ actor, conferenceId, input: postForm({ code: first.code }) }))).toMatchObject({
      code: "CONFLICT",
      fieldErrors: { code: "adminPosts.codeTaken" },
    });
    expect(await refusalOf(createPost({ actor, conferenceId, input: postForm({ kind: "COUNCIL_SEAT", region: "" }) }))).toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { region: "adminPosts.regionRequired" },
    });
    expect(await db.post.count({ where: { code: first.code } })).toBe(1);
  });

  it("edits a post, with before and after in the audit row", async () => {
    const post = await createPost({ actor, conferenceId, input: postForm() });
    const edited = await updatePost({ actor, conferenceId, input: { ...postForm({ code: post.code, seats: "3" }), id: post.id, nameEn: "Edited name" } });
    expect(edited).toMatchObject({ seats: 3, names: { en: "Edited name" } });
    const [, updated] = await auditRowsFor(db, "Post", post.id);
    expect(updated?.action).toBe("updated");
    expect(updated?.before).toMatchObject({ seats: 1 });
    expect(updated?.after).toMatchObject({ seats: 3 });
    const other = await createPost({ actor, conferenceId, input: postForm() });
    expect((await refusalOf(updatePost({ actor, conferenceId, input: { ...postForm({ code: other.code }), id: post.id } }))).code).toBe("CONFLICT");
  });

  it("retires and reinstates a post; a retired post stays listed for the secretariat only", async () => {
    const post = await createPost({ actor, conferenceId, input: postForm() });
    const retired = await retirePost({ actor, conferenceId, input: { id: post.id, confirmed: "yes" } });
    expect(retired.retiredAt).toBeInstanceOf(Date);
    expect((await refusalOf(retirePost({ actor, conferenceId, input: { id: post.id, confirmed: "yes" } }))).messageKey).toBe("adminPosts.alreadyRetired");
    expect(await db.post.count({ where: { conferenceId, retiredAt: null, id: post.id } })).toBe(0);
    expect((await listPostsForAdmin(actor, conferenceId)).some((p) => p.id === post.id)).toBe(true);
    const back = await reinstatePost({ actor, conferenceId, input: { id: post.id } });
    expect(back.retiredAt).toBeNull();
    expect((await refusalOf(reinstatePost({ actor, conferenceId, input: { id: post.id } }))).messageKey).toBe("adminPosts.notRetired");
    expect((await auditRowsFor(db, "Post", post.id)).map((a) => a.action)).toEqual(["created", "retired", "reinstated"]);
  });

  it("deletes a post nobody stood for, and refuses once a candidate has (even withdrawn)", async () => {
    const empty = await createPost({ actor, conferenceId, input: postForm() });
    await deletePost({ actor, conferenceId, input: { id: empty.id, confirmed: "yes" } });
    expect(await db.post.findUnique({ where: { id: empty.id } })).toBeNull();
    expect((await auditRowsFor(db, "Post", empty.id)).map((a) => a.action)).toEqual(["created", "deleted"]);

    const stood = await createPost({ actor, conferenceId, input: postForm() });
    const state = await makeMemberState(db);
    const candidate = await makeCandidate(db, { conferenceId, postId: stood.id, memberStateId: state.id });
    await db.candidate.update({ where: { id: candidate.id }, data: { status: "WITHDRAWN" } });
    expect(await refusalOf(deletePost({ actor, conferenceId, input: { id: stood.id, confirmed: "yes" } }))).toMatchObject({
      code: "CONFLICT",
      messageKey: "adminPosts.hasCandidates",
    });
    expect((await getPostForAdmin(actor, { conferenceId, id: stood.id })).candidateCount).toBe(1);
  });

  it("answers NOT_FOUND for a post that does not exist, and for a conference that does not", async () => {
    expect((await refusalOf(retirePost({ actor, conferenceId, input: { id: "no-such-post", confirmed: "yes" } }))).code).toBe("NOT_FOUND");
    expect((await refusalOf(createPost({ actor, conferenceId: "no-such-conference", input: postForm() }))).code).toBe("NOT_FOUND");
  });

  it("lets only the secretariat create, edit, retire, reinstate, delete and read posts", async () => {
    const post = await createPost({ actor, conferenceId, input: postForm() });
    await expectOnlyRoleAllowed("SECRETARIAT", (a) => createPost({ actor: a, conferenceId, input: postForm() }));
    await expectOnlyRoleAllowed("SECRETARIAT", (a) => updatePost({ actor: a, conferenceId, input: { ...postForm({ code: post.code }), id: post.id } }));
    await expectOnlyRoleAllowed("SECRETARIAT", (a) => retirePost({ actor: a, conferenceId, input: { id: post.id, confirmed: "yes" } }));
    await expectOnlyRoleAllowed("SECRETARIAT", (a) => reinstatePost({ actor: a, conferenceId, input: { id: post.id } }));
    await expectOnlyRoleAllowed("SECRETARIAT", (a) => deletePost({ actor: a, conferenceId, input: { id: post.id, confirmed: "yes" } }));
    await expectOnlyRoleAllowed("SECRETARIAT", (a) => listPostsForAdmin(a, conferenceId));
    await expectOnlyRoleAllowed("SECRETARIAT", (a) => getPostForAdmin(a, { conferenceId, id: post.id }));
    expect(await auditRowsFor(db, "Post", post.id)).toHaveLength(1);
  });
});

describe("posts belong to one conference (docs/decisions/012)", () => {
  it("creates a post in the conference given, and lists and reads each conference's own posts only", async () => {
    const other = await pastConference(db);
    const theirs = await createPost({ actor, conferenceId: other.id, input: postForm() });
    const ours = await createPost({ actor, conferenceId, input: postForm({ code: theirs.code }) });
    expect([theirs.conferenceId, ours.conferenceId]).toEqual([other.id, conferenceId]);
    expect((await listPostsForAdmin(actor, conferenceId)).map((p) => p.id)).not.toContain(theirs.id);
    expect((await listPostsForAdmin(actor, other.id)).map((p) => p.id)).toEqual([theirs.id]);
    expect((await refusalOf(getPostForAdmin(actor, { conferenceId, id: theirs.id }))).code).toBe("NOT_FOUND");
  });

  it("refuses, as not found, to edit, retire, reinstate or delete a post of another conference than the one given", async () => {
    const other = await pastConference(db);
    const theirs = await createPost({ actor, conferenceId: other.id, input: postForm() });
    const refusals = await Promise.all([
      refusalOf(updatePost({ actor, conferenceId, input: { ...postForm({ code: theirs.code }), id: theirs.id } })),
      refusalOf(retirePost({ actor, conferenceId, input: { id: theirs.id, confirmed: "yes" } })),
      refusalOf(reinstatePost({ actor, conferenceId, input: { id: theirs.id } })),
      refusalOf(deletePost({ actor, conferenceId, input: { id: theirs.id, confirmed: "yes" } })),
    ]);
    expect(refusals.map((r) => r.code)).toEqual(["NOT_FOUND", "NOT_FOUND", "NOT_FOUND", "NOT_FOUND"]);
    expect(await db.post.findUniqueOrThrow({ where: { id: theirs.id }, select: { retiredAt: true } })).toEqual({ retiredAt: null });
    expect((await auditRowsFor(db, "Post", theirs.id)).map((a) => a.action)).toEqual(["created"]);
  });

  it("refuses every change to the posts of a closed conference, writing nothing", async () => {
    const closed = await pastConference(db);
    const post = await createPost({ actor, conferenceId: closed.id, input: postForm() });
    await db.conference.update({ where: { id: closed.id }, data: { closedAt: new Date() } });
    const refusals = [
      await refusalOf(createPost({ actor, conferenceId: closed.id, input: postForm() })),
      await refusalOf(updatePost({ actor, conferenceId: closed.id, input: { ...postForm({ code: post.code }), id: post.id } })),
      await refusalOf(retirePost({ actor, conferenceId: closed.id, input: { id: post.id, confirmed: "yes" } })),
      await refusalOf(deletePost({ actor, conferenceId: closed.id, input: { id: post.id, confirmed: "yes" } })),
    ];
    for (const refusal of refusals) expect(refusal).toMatchObject({ code: "CONFLICT", messageKey: "conferences.CONFERENCE_CLOSED" });
    expect(await db.post.count({ where: { conferenceId: closed.id } })).toBe(1);
    expect((await auditRowsFor(db, "Post", post.id)).map((a) => a.action)).toEqual(["created"]);
  });
});
