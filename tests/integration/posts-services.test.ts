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
import { consoleConference, postCode, postForm } from "../support/factories-candidates";
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
    const post = await createPost({ actor, input: form });
    expect(post).toMatchObject({ code: form.code?.toUpperCase(), kind: "RRB_SEAT", region: "B", seats: 2, conferenceId });
    expect(post.names).toEqual({ en: form.nameEn, fr: "Siège" });
    const audit = await auditRowsFor(db, "Post", post.id);
    expect(audit.map((a) => [a.action, a.actorId, a.area])).toEqual([["created", actor.id, "post"]]);
    expect(audit[0]?.after).toMatchObject({ code: post.code });
  });

  it("refuses a duplicate code in the conference and a seat without a region, writing nothing", async () => {
    const first = await createPost({ actor, input: postForm() });
    expect(await refusalOf(createPost({ actor, input: postForm({ code: first.code }) }))).toMatchObject({
      code: "CONFLICT",
      fieldErrors: { code: "adminPosts.codeTaken" },
    });
    expect(await refusalOf(createPost({ actor, input: postForm({ kind: "COUNCIL_SEAT", region: "" }) }))).toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { region: "adminPosts.regionRequired" },
    });
    expect(await db.post.count({ where: { code: first.code } })).toBe(1);
  });

  it("edits a post, with before and after in the audit row", async () => {
    const post = await createPost({ actor, input: postForm() });
    const edited = await updatePost({ actor, input: { ...postForm({ code: post.code, seats: "3" }), id: post.id, nameEn: "Edited name" } });
    expect(edited).toMatchObject({ seats: 3, names: { en: "Edited name" } });
    const [, updated] = await auditRowsFor(db, "Post", post.id);
    expect(updated?.action).toBe("updated");
    expect(updated?.before).toMatchObject({ seats: 1 });
    expect(updated?.after).toMatchObject({ seats: 3 });
    const other = await createPost({ actor, input: postForm() });
    expect((await refusalOf(updatePost({ actor, input: { ...postForm({ code: other.code }), id: post.id } }))).code).toBe("CONFLICT");
  });

  it("retires and reinstates a post; a retired post stays listed for the secretariat only", async () => {
    const post = await createPost({ actor, input: postForm() });
    const retired = await retirePost({ actor, input: { id: post.id } });
    expect(retired.retiredAt).toBeInstanceOf(Date);
    expect((await refusalOf(retirePost({ actor, input: { id: post.id } }))).messageKey).toBe("adminPosts.alreadyRetired");
    expect(await db.post.count({ where: { conferenceId, retiredAt: null, id: post.id } })).toBe(0);
    expect((await listPostsForAdmin(actor)).some((p) => p.id === post.id)).toBe(true);
    const back = await reinstatePost({ actor, input: { id: post.id } });
    expect(back.retiredAt).toBeNull();
    expect((await refusalOf(reinstatePost({ actor, input: { id: post.id } }))).messageKey).toBe("adminPosts.notRetired");
    expect((await auditRowsFor(db, "Post", post.id)).map((a) => a.action)).toEqual(["created", "retired", "reinstated"]);
  });

  it("deletes a post nobody stood for, and refuses once a candidate has (even withdrawn)", async () => {
    const empty = await createPost({ actor, input: postForm() });
    await deletePost({ actor, input: { id: empty.id } });
    expect(await db.post.findUnique({ where: { id: empty.id } })).toBeNull();
    expect((await auditRowsFor(db, "Post", empty.id)).map((a) => a.action)).toEqual(["created", "deleted"]);

    const stood = await createPost({ actor, input: postForm() });
    const state = await makeMemberState(db);
    const candidate = await makeCandidate(db, { conferenceId, postId: stood.id, memberStateId: state.id });
    await db.candidate.update({ where: { id: candidate.id }, data: { status: "WITHDRAWN" } });
    expect(await refusalOf(deletePost({ actor, input: { id: stood.id } }))).toMatchObject({ code: "CONFLICT", messageKey: "adminPosts.hasCandidates" });
    expect((await getPostForAdmin(actor, stood.id)).candidateCount).toBe(1);
  });

  it("answers NOT_FOUND for a post that does not exist", async () => {
    expect((await refusalOf(retirePost({ actor, input: { id: "no-such-post" } }))).code).toBe("NOT_FOUND");
  });

  it("lets only the secretariat create, edit, retire, reinstate, delete and read posts", async () => {
    const post = await createPost({ actor, input: postForm() });
    await expectOnlyRoleAllowed("SECRETARIAT", (a) => createPost({ actor: a, input: postForm() }));
    await expectOnlyRoleAllowed("SECRETARIAT", (a) => updatePost({ actor: a, input: { ...postForm({ code: post.code }), id: post.id } }));
    await expectOnlyRoleAllowed("SECRETARIAT", (a) => retirePost({ actor: a, input: { id: post.id } }));
    await expectOnlyRoleAllowed("SECRETARIAT", (a) => reinstatePost({ actor: a, input: { id: post.id } }));
    await expectOnlyRoleAllowed("SECRETARIAT", (a) => deletePost({ actor: a, input: { id: post.id } }));
    await expectOnlyRoleAllowed("SECRETARIAT", (a) => listPostsForAdmin(a));
    await expectOnlyRoleAllowed("SECRETARIAT", (a) => getPostForAdmin(a, post.id));
    expect(await auditRowsFor(db, "Post", post.id)).toHaveLength(1);
  });
});
