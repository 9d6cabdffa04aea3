import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { PrismaClient } from "../../lib/db/client";
import { makeCandidate, makeConference, makeMemberState, makePost, makeUser } from "../support/factories";
import { expect, signInAs, test } from "./support/fixtures";

// The file-serving route in a real build: the headers that make an upload harmless, and
// drafts readable only by their owner and the Ethics Office (001). The server's storage is
// the default local directory, so the spec writes there as lib/storage/local.ts would.
const STORAGE_DIR = path.resolve(".data/storage");

function storeFile(extension: string, bytes: Buffer, contentType: string): string {
  const key = `${randomBytes(16).toString("hex")}.${extension}`;
  mkdirSync(STORAGE_DIR, { recursive: true });
  writeFileSync(path.join(STORAGE_DIR, key), bytes);
  writeFileSync(path.join(STORAGE_DIR, `${key}.type`), contentType);
  return key;
}

async function brochure(db: PrismaClient, state: "DRAFT" | "PUBLISHED") {
  const conference = await makeConference(db);
  const post = await makePost(db, conference.id);
  const memberState = await makeMemberState(db);
  const candidate = await makeCandidate(db, { conferenceId: conference.id, postId: post.id, memberStateId: memberState.id });
  const key = storeFile("pdf", Buffer.from("%PDF-1.7\n%%EOF\n"), "application/pdf");
  await db.material.create({
    data: { candidateId: candidate.id, kind: "BROCHURE", title: "Programme", language: "en", fileKey: key, fileName: "Programme \u202Efdp.exe", mimeType: "application/pdf", state },
  });
  return { key, candidateId: candidate.id };
}

test("a published brochure is served to a visitor with headers that keep it harmless", async ({ request, db }) => {
  const { key } = await brochure(db, "PUBLISHED");
  const response = await request.get(`/api/files/${key}`);
  expect(response.status()).toBe(200);
  expect(response.headers()).toMatchObject({
    "content-type": "application/pdf",
    "x-content-type-options": "nosniff",
    "content-disposition": `inline; filename="Programme fdp.pdf"; filename*=UTF-8''Programme%20fdp.pdf`,
  });
  // Nothing inside an uploaded file may run, whatever the browser makes of it.
  expect(response.headers()["content-security-policy"]).toBe("default-src 'none'; sandbox");
  expect((await response.body()).toString()).toContain("%PDF-1.7");
});

test("a draft is served to its owner and the Ethics Office, and is not found for anyone else", async ({ browser, db }) => {
  const { key, candidateId } = await brochure(db, "DRAFT");
  const other = await brochure(db, "DRAFT");
  const readers = [
    { user: await makeUser(db, "CANDIDATE", { candidateId }), status: 200 },
    { user: await makeUser(db, "ETHICS_OFFICER"), status: 200 },
    { user: await makeUser(db, "SECRETARIAT"), status: 404 },
    { user: await makeUser(db, "CHAIR"), status: 404 },
    { user: await makeUser(db, "MEMBER"), status: 404 },
    { user: await makeUser(db, "CANDIDATE", { candidateId: other.candidateId }), status: 404 },
  ];
  for (const { user, status } of readers) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAs(page, "en", user);
    const response = await page.request.get(`/api/files/${key}`);
    expect(response.status(), user.role).toBe(status);
    if (status === 200) expect(response.headers()["cache-control"]).toBe("private, no-store");
    await context.close();
  }
});

test("an anonymous visitor gets 404 for a draft, a made-up key and a path", async ({ request, db }) => {
  const { key } = await brochure(db, "DRAFT");
  for (const url of [`/api/files/${key}`, `/api/files/${"0".repeat(32)}.pdf`, "/api/files/..%2F..%2Fpackage.json"]) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(404);
  }
});
