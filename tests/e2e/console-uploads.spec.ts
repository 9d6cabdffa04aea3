import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { PrismaClient } from "../../lib/db/client";
import { expect, test } from "./support/fixtures";
import { makeWorldCandidate, makeWorldConference, makeWorldPost } from "./support/world";

// The file-serving route behind the real server (its proxy, routing and headers): the headers
// that make an upload harmless survive, and a draft, a made-up key or a path are not found.
// Who may read which file is proven route by route in tests/integration/file-access.test.ts.
// The server's storage is the default local directory, so the spec writes there as
// lib/storage/local.ts would.
const STORAGE_DIR = path.resolve(".data/storage");

function storeFile(extension: string, bytes: Buffer, contentType: string): string {
  const key = `${randomBytes(16).toString("hex")}.${extension}`;
  mkdirSync(STORAGE_DIR, { recursive: true });
  writeFileSync(path.join(STORAGE_DIR, key), bytes);
  writeFileSync(path.join(STORAGE_DIR, `${key}.type`), contentType);
  return key;
}

async function brochure(db: PrismaClient, state: "DRAFT" | "PUBLISHED") {
  const conference = await makeWorldConference(db);
  const candidate = await makeWorldCandidate(db, await makeWorldPost(db, conference), { account: false });
  const key = storeFile("pdf", Buffer.from("%PDF-1.7\n%%EOF\n"), "application/pdf");
  await db.material.create({
    data: {
      candidateId: candidate.id,
      kind: "BROCHURE",
      title: "Programme",
      language: "en",
      fileKey: key,
      fileName: "Programme \u202Efdp.exe",
      mimeType: "application/pdf",
      state,
    },
  });
  return { key };
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

test("an anonymous visitor gets 404 for a draft, a made-up key and a path", async ({ request, db }) => {
  const { key } = await brochure(db, "DRAFT");
  for (const url of [`/api/files/${key}`, `/api/files/${"0".repeat(32)}.pdf`, "/api/files/..%2F..%2Fpackage.json"]) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(404);
  }
});
