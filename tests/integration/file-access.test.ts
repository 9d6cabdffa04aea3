import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { randomStoredName } from "@/lib/uploads/file-name";
import { withAppDatabase } from "../support/app-database";
import { makeCandidate, makeConference, makeMemberState, makePost } from "../support/factories";
import { makeReviewRequest } from "../support/factories-ethics";
import { actorOf } from "../support/roles";

// The route reads the session through getCurrentUser; here each request says who is asking.
let asking: Actor | null = null;
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => asking }));

const storageDir = await mkdtemp(path.join(tmpdir(), "hustings-files-"));
process.env.STORAGE_DIR = storageDir;

const { GET } = await import("@/app/api/files/[key]/route");
const { storage } = await import("@/lib/storage");

const database = withAppDatabase();
let db: PrismaClient;
let makeOwner: (status?: "ANNOUNCED" | "FORMAL") => Promise<string>;

beforeAll(async () => {
  db = createDb(database.url());
  const conference = await makeConference(db);
  const post = await makePost(db, conference.id);
  const state = await makeMemberState(db);
  makeOwner = async (status = "FORMAL") => (await makeCandidate(db, { conferenceId: conference.id, postId: post.id, memberStateId: state.id, status })).id;
});
afterAll(async () => {
  await db.$disconnect();
  await rm(storageDir, { recursive: true, force: true });
});

async function storedMaterial(candidateId: string, state: "DRAFT" | "PUBLISHED" | "TAKEN_DOWN", fileName = "Vision brochure.pdf", sentToEthics = false) {
  const key = randomStoredName("pdf");
  await storage().put(key, Buffer.from("%PDF-1.7 brochure"), "application/pdf");
  const material = await db.material.create({
    data: { candidateId, kind: "BROCHURE", title: "Brochure", language: "en", fileKey: key, fileName, mimeType: "application/pdf", state },
  });
  if (sentToEthics) await makeReviewRequest(db, material);
  return key;
}

async function fetchAs(actor: Actor | null, key: string, headers: Record<string, string> = {}) {
  asking = actor;
  return GET(new Request(`http://localhost/api/files/${key}`, { headers }), { params: Promise.resolve({ key }) });
}

const OUTSIDERS = ["SECRETARIAT", "CHAIR", "MEMBER"] as const;

describe("GET /api/files/[key]", () => {
  it("serves published material of a formal candidature to anyone, with safe headers", async () => {
    const key = await storedMaterial(await makeOwner(), "PUBLISHED", "Vision\u202Efdp.exe");
    const response = await fetchAs(null, key);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).toString()).toBe("%PDF-1.7 brochure");
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "content-type": "application/pdf",
      "x-content-type-options": "nosniff",
      "content-disposition": `inline; filename="Visionfdp.pdf"; filename*=UTF-8''Visionfdp.pdf`,
      "content-security-policy": "default-src 'none'; sandbox",
      "cache-control": "public, max-age=60",
    });
  });

  it("serves a draft sent to the Ethics Office to its owner and the Office only, privately", async () => {
    const owner = await makeOwner();
    const key = await storedMaterial(owner, "DRAFT", "Brochure.pdf", true);
    for (const reader of [actorOf("CANDIDATE", { candidateId: owner }), actorOf("ETHICS_OFFICER")]) {
      const response = await fetchAs(reader, key);
      expect(response.status, reader.role).toBe(200);
      expect(response.headers.get("cache-control")).toBe("private, no-store");
    }
  });

  it("keeps from the Ethics Office what was never sent to it: a draft, taken-down material, a photo or CV not yet public", async () => {
    const owner = await makeOwner();
    // The same candidate has sent another draft: the Office reads that one, not this one.
    const sent = await storedMaterial(owner, "DRAFT", "Sent.pdf", true);
    const neverSent = await storedMaterial(owner, "DRAFT");
    // Another candidate's draft, never sent, beside one of theirs that was.
    const other = await makeOwner();
    await storedMaterial(other, "DRAFT", "Other sent.pdf", true);
    const othersDraft = await storedMaterial(other, "DRAFT");
    const takenDown = await storedMaterial(await makeOwner(), "TAKEN_DOWN");
    const cv = randomStoredName("pdf");
    await storage().put(cv, Buffer.from("%PDF-1.7 cv"), "application/pdf");
    await db.candidate.update({ where: { id: owner }, data: { cvKey: cv } });
    const office = actorOf("ETHICS_OFFICER");
    expect((await fetchAs(office, sent)).status).toBe(200);
    for (const key of [neverSent, othersDraft, takenDown, cv]) {
      const response = await fetchAs(office, key);
      expect(response.status, key).toBe(404);
      expect(await response.text()).toBe("Not found.");
    }
    // The owner still reads their own.
    expect((await fetchAs(actorOf("CANDIDATE", { candidateId: owner }), neverSent)).status).toBe(200);
    expect((await fetchAs(actorOf("CANDIDATE", { candidateId: owner }), cv)).status).toBe(200);
  });

  it.each([...OUTSIDERS, "another candidate", "anonymous", "the disabled owner"])("answers 404 for a draft to %s", async (who) => {
    const owner = await makeOwner();
    const key = await storedMaterial(owner, "DRAFT");
    const actor =
      who === "anonymous"
        ? null
        : who === "another candidate"
          ? actorOf("CANDIDATE", { candidateId: await makeOwner() })
          : who === "the disabled owner"
            ? actorOf("CANDIDATE", { candidateId: owner, disabled: true })
            : actorOf(who as (typeof OUTSIDERS)[number]);
    const response = await fetchAs(actor, key);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("Not found.");
  });

  it("keeps taken-down material and material of a candidature not yet formal from the public", async () => {
    const takenDown = await storedMaterial(await makeOwner(), "TAKEN_DOWN");
    const notFormal = await storedMaterial(await makeOwner("ANNOUNCED"), "PUBLISHED");
    for (const key of [takenDown, notFormal]) {
      expect((await fetchAs(null, key)).status).toBe(404);
      expect((await fetchAs(actorOf("SECRETARIAT"), key)).status).toBe(404);
    }
  });

  it("serves a photo once the profile is published, and not before", async () => {
    const owner = await makeOwner();
    const key = randomStoredName("jpg");
    await storage().put(key, Buffer.from([0xff, 0xd8, 0xff, 0xd9]), "image/jpeg");
    await db.candidate.update({ where: { id: owner }, data: { photoKey: key } });
    expect((await fetchAs(null, key)).status).toBe(404);
    expect((await fetchAs(actorOf("CANDIDATE", { candidateId: owner }), key)).status).toBe(200);
    await db.candidateProfile.create({ data: { candidateId: owner, locale: "en", publishedAt: new Date() } });
    const response = await fetchAs(null, key);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/jpeg");
    expect(response.headers.get("content-disposition")).toBe(`inline; filename="photo.jpg"; filename*=UTF-8''photo.jpg`);
  });

  it("answers a range request, as a video player seeking does", async () => {
    const key = await storedMaterial(await makeOwner(), "PUBLISHED");
    const partial = await fetchAs(null, key, { range: "bytes=9-16" });
    expect(partial.status).toBe(206);
    expect(partial.headers.get("content-range")).toBe("bytes 9-16/17");
    expect(await partial.text()).toBe("brochure");
    expect((await fetchAs(null, key, { range: "bytes=99-" })).status).toBe(416);
  });

  it("streams a video from the store by ranges, never reading the whole file into memory", async () => {
    const video = readFileSync(path.join(__dirname, "../fixtures/video/sample.mp4"));
    const key = randomStoredName("mp4");
    await storage().putStream(key, new Blob([new Uint8Array(video)]).stream(), "video/mp4", video.length);
    const owner = await makeOwner();
    await db.material.create({
      data: {
        candidateId: owner,
        kind: "VIDEO",
        title: "Video",
        language: "en",
        fileKey: key,
        fileName: "Campaign.mp4",
        mimeType: "video/mp4",
        sizeBytes: video.length,
        videoSource: "UPLOAD",
        state: "PUBLISHED",
      },
    });
    const whole = vi.spyOn(storage(), "get");

    const all = await fetchAs(null, key);
    expect(all.status).toBe(200);
    expect(Object.fromEntries(all.headers)).toMatchObject({
      "content-type": "video/mp4",
      "content-length": String(video.length),
      "accept-ranges": "bytes",
      "x-content-type-options": "nosniff",
      "content-disposition": `inline; filename="Campaign.mp4"; filename*=UTF-8''Campaign.mp4`,
      "content-security-policy": "default-src 'none'; sandbox",
    });
    expect(Buffer.from(await all.arrayBuffer()).equals(video)).toBe(true);

    const first = await fetchAs(null, key, { range: "bytes=0-1023" });
    expect(first.status).toBe(206);
    expect(first.headers.get("content-range")).toBe(`bytes 0-1023/${video.length}`);
    expect(first.headers.get("content-length")).toBe("1024");
    expect(Buffer.from(await first.arrayBuffer()).equals(video.subarray(0, 1024))).toBe(true);

    const last = await fetchAs(null, key, { range: "bytes=-100" });
    expect(last.headers.get("content-range")).toBe(`bytes ${video.length - 100}-${video.length - 1}/${video.length}`);
    expect(Buffer.from(await last.arrayBuffer()).equals(video.subarray(video.length - 100))).toBe(true);

    const open = await fetchAs(null, key, { range: `bytes=${video.length - 10}-` });
    expect(Buffer.from(await open.arrayBuffer()).equals(video.subarray(video.length - 10))).toBe(true);
    expect((await fetchAs(null, key, { range: `bytes=${video.length}-` })).status).toBe(416);
    expect(whole).not.toHaveBeenCalled();
    whole.mockRestore();
  });

  it("answers 404 when the record exists but its file is gone from the store", async () => {
    const key = await storedMaterial(await makeOwner(), "PUBLISHED");
    await storage().delete(key);
    expect((await fetchAs(null, key)).status).toBe(404);
    expect((await fetchAs(null, key, { range: "bytes=0-1" })).status).toBe(404);
  });

  it("answers 404, not 416, to a range request for a draft", async () => {
    const key = await storedMaterial(await makeOwner(), "DRAFT");
    expect((await fetchAs(null, key, { range: "bytes=99-" })).status).toBe(404);
  });

  it.each(["../../etc/passwd", "0123456789abcdef0123456789abcdef.pdf", "not-a-key.pdf"])("answers 404 for the unknown key %j", async (key) => {
    expect((await fetchAs(actorOf("ETHICS_OFFICER"), key)).status).toBe(404);
  });
});
