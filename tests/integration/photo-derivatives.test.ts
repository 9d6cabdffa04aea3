import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { STORAGE_KEY } from "@/lib/storage/storage";
import { randomStoredName } from "@/lib/uploads/file-name";
import { derivativeKey, PHOTO_WIDTHS } from "@/lib/uploads/photo-derivative";
import { withAppDatabase } from "../support/app-database";
import { makeCandidate, makeConference, makeMemberState, makePost } from "../support/factories";
import { actorOf } from "../support/roles";

// A candidate's photo is served resized (docs/decisions/032-photo-derivatives.md): the copy
// is made on first use, kept under a derived key, read with the original's access, and goes
// with the original.

let asking: Actor | null = null;
vi.mock("@/lib/auth/current-user", () => ({ getCurrentUser: async () => asking }));

const storageDir = await mkdtemp(path.join(tmpdir(), "hustings-photos-"));
process.env.STORAGE_DIR = storageDir;

const { GET } = await import("@/app/api/files/[key]/route");
const { storage } = await import("@/lib/storage");
const { deleteWithDerivatives } = await import("@/lib/uploads/photo-derivative");

const database = withAppDatabase();
let db: PrismaClient;
let makeOwner: (published: boolean) => Promise<string>;

beforeAll(async () => {
  db = createDb(database.url());
  const conference = await makeConference(db);
  const post = await makePost(db, conference.id);
  const state = await makeMemberState(db);
  makeOwner = async (published) =>
    (await makeCandidate(db, { conferenceId: conference.id, postId: post.id, memberStateId: state.id, ...(published ? { vision: "A vision." } : {}) })).id;
});
afterAll(async () => {
  await db.$disconnect();
  await rm(storageDir, { recursive: true, force: true });
});

/** A 1200×900 JPEG photo with a GPS position in its metadata, stored as the candidate's photo. */
async function storedPhoto(candidateId: string) {
  const bytes = await sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 20, g: 90, b: 160 } } })
    .jpeg()
    .withExif({ IFD3: { GPSLatitudeRef: "N", GPSLatitude: "46/1 12/1 0/1" } })
    .toBuffer();
  const key = randomStoredName("jpg");
  await storage().put(key, bytes, "image/jpeg");
  await db.candidate.update({ where: { id: candidateId }, data: { photoKey: key } });
  return { key, bytes };
}

async function fetchAs(actor: Actor | null, key: string, query: string) {
  asking = actor;
  return GET(new Request(`http://localhost/api/files/${key}${query}`), { params: Promise.resolve({ key }) });
}

describe("a photo at the widths it is shown at", () => {
  it("is a WebP no larger than asked, without the original's metadata, kept and cached like the original", async () => {
    const { key, bytes } = await storedPhoto(await makeOwner(true));
    expect((await sharp(bytes).metadata()).exif).toBeDefined();
    for (const width of PHOTO_WIDTHS) {
      const response = await fetchAs(null, key, `?w=${width}`);
      expect(response.status, `w=${width}`).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/webp");
      expect(response.headers.get("cache-control")).toBe("public, max-age=60");
      expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
      const copy = Buffer.from(await response.arrayBuffer());
      const meta = await sharp(copy).metadata();
      expect(meta.format).toBe("webp");
      expect(meta.width).toBe(width);
      expect(meta.height).toBe(Math.round((width * 900) / 1200));
      expect(meta.exif).toBeUndefined();
      expect(copy.length).toBeLessThan(bytes.length);
      // Kept under its derived key, a stored name like any other.
      expect(derivativeKey(key, width)).toMatch(STORAGE_KEY);
      expect(await storage().stat(derivativeKey(key, width))).not.toBeNull();
    }
    // The original is still served whole without a width.
    const whole = await fetchAs(null, key, "");
    expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it("follows the original's access: private to its owner before the profile is published, refused to others", async () => {
    const owner = await makeOwner(false);
    const { key } = await storedPhoto(owner);
    const own = await fetchAs(actorOf("CANDIDATE", { candidateId: owner }), key, "?w=128");
    expect(own.status).toBe(200);
    expect(own.headers.get("cache-control")).toBe("private, no-store");
    for (const reader of [null, actorOf("SECRETARIAT"), actorOf("ETHICS_OFFICER"), actorOf("CANDIDATE", { candidateId: await makeOwner(true) })]) {
      expect((await fetchAs(reader, key, "?w=128")).status, reader?.role ?? "anonymous").toBe(404);
    }
    // A copy's own key is not a file of anyone's.
    expect((await fetchAs(actorOf("CANDIDATE", { candidateId: owner }), derivativeKey(key, 128), "")).status).toBe(404);
  });

  it("is not found for another width, a width in another form, or a file that is not a photo", async () => {
    const { key } = await storedPhoto(await makeOwner(true));
    for (const query of ["?w=100", "?w=0128", "?w=128.0", "?w=", "?w=1e3"]) expect((await fetchAs(null, key, query)).status, query).toBe(404);
    const owner = await makeOwner(true);
    const cv = randomStoredName("pdf");
    await storage().put(cv, Buffer.from("%PDF-1.7 cv"), "application/pdf");
    await db.candidate.update({ where: { id: owner }, data: { cvKey: cv } });
    expect((await fetchAs(null, cv, "")).status).toBe(200);
    expect((await fetchAs(null, cv, "?w=128")).status).toBe(404);
  });

  it("is the original when the resizer cannot read it", async () => {
    const owner = await makeOwner(true);
    const key = randomStoredName("jpg");
    await storage().put(key, Buffer.from([0xff, 0xd8, 0xff, 0xd9]), "image/jpeg");
    await db.candidate.update({ where: { id: owner }, data: { photoKey: key } });
    const response = await fetchAs(null, key, "?w=128");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/jpeg");
    expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from([0xff, 0xd8, 0xff, 0xd9]));
  });

  it("goes with the original", async () => {
    const { key } = await storedPhoto(await makeOwner(true));
    expect((await fetchAs(null, key, "?w=256")).status).toBe(200);
    await deleteWithDerivatives(key);
    expect(await storage().stat(key)).toBeNull();
    for (const width of PHOTO_WIDTHS) expect(await storage().stat(derivativeKey(key, width))).toBeNull();
  });
});
