import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { withAppDatabase } from "../support/app-database";
import { auditRowsFor } from "../support/audit";
import { asActor } from "../support/factories";
import { makeBrochure } from "../support/factories-files";
import { makeCandidateAccount, makeStatement } from "../support/factories-workspace";
import { actorOf, expectOnlyRoleAllowed, refusalOf } from "../support/roles";

const storageDir = await mkdtemp(path.join(tmpdir(), "hustings-files-"));
process.env.STORAGE_DIR = storageDir;
const { setProfileFile, removeProfileFile } = await import("@/lib/candidates/set-profile-file");
const { attachMaterialFile } = await import("@/lib/materials/attach-file");
const { readPublicFiles } = await import("@/lib/candidates/public-files");
const { storage } = await import("@/lib/storage");

const database = withAppDatabase();
let db: PrismaClient;
beforeAll(() => {
  db = createDb(database.url());
});
afterAll(() => rm(storageDir, { recursive: true, force: true }));

const fixture = (name: string) => readFileSync(path.join(__dirname, "../fixtures/hostile", name));
const fileOf = (name: string, as = name, type = "application/octet-stream") => new File([new Uint8Array(fixture(name))], as, { type });
// 001 A: each photo or CV comes with both declarations (docs/domain.md#campaign-material).
const DECLARED = { declaredNoSymbols: "on", declaredNoResources: "on" };

describe("the candidate's photo and CV", () => {
  it("stores a photo with GPS re-encoded, without metadata, audited without its key or name", async () => {
    const { candidate, user } = await makeCandidateAccount(db);
    expect((await sharp(fixture("gps.jpg")).metadata()).exif).toBeDefined();
    const saved = await setProfileFile({
      actor: asActor(user),
      input: { kind: "photo", ...DECLARED },
      file: fileOf("gps.jpg", "my\u202Egpj.jpg", "image/jpeg"),
    });
    const stored = await db.candidate.findUniqueOrThrow({ where: { id: candidate.id } });
    expect(stored.photoKey).toBe(saved.key);
    const object = await storage().get(saved.key);
    expect(object?.contentType).toBe("image/jpeg");
    const meta = await sharp(object?.bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    const audit = await auditRowsFor(db, "Candidate", candidate.id);
    expect(audit.map((a) => [a.area, a.action])).toEqual([["candidate", "photo-set"]]);
    // That a photo is set, not its key or name (docs/domain.md#confidentiality).
    expect(audit[0]?.after).toEqual({ hasPhoto: true, declaredNoSymbols: true, declaredNoResources: true });
    expect(JSON.stringify(audit.map((a) => [a.before, a.after]))).not.toContain(saved.key);
    expect(saved.fileName).not.toMatch(/[/\\\u202E]/);
  });

  it("replaces a CV, deleting the previous file after the change, and removes it", async () => {
    const { candidate, user } = await makeCandidateAccount(db);
    const first = await setProfileFile({ actor: asActor(user), input: { kind: "cv", ...DECLARED }, file: fileOf("clean.pdf", "CV.pdf") });
    const second = await setProfileFile({ actor: asActor(user), input: { kind: "cv", ...DECLARED }, file: fileOf("clean.pdf", "CV 2.pdf") });
    expect(await storage().get(first.key)).toBeNull();
    expect(await storage().get(second.key)).not.toBeNull();
    const removed = await removeProfileFile({ actor: asActor(user), input: { kind: "cv" } });
    expect(removed.removed).toBe(true);
    expect((await db.candidate.findUniqueOrThrow({ where: { id: candidate.id } })).cvKey).toBeNull();
    expect(await storage().get(second.key)).toBeNull();
    const audit = await auditRowsFor(db, "Candidate", candidate.id);
    expect(audit.map((a) => a.action)).toEqual(["cv-set", "cv-set", "cv-removed"]);
  });

  it.each([
    ["photo", "script.svg", "uploads.markupRefused"],
    ["cv", "html-disguised.pdf", "uploads.markupRefused"],
    ["photo", "clean.pdf", "uploads.wrongType"],
  ] as const)("refuses a %s from %s with %s and changes nothing", async (kind, name, key) => {
    const { candidate, user } = await makeCandidateAccount(db);
    const refusal = await refusalOf(setProfileFile({ actor: asActor(user), input: { kind, ...DECLARED }, file: fileOf(name) }));
    expect(refusal).toMatchObject({ code: "INVALID_INPUT", messageKey: key });
    expect(await db.candidate.findUniqueOrThrow({ where: { id: candidate.id } })).toMatchObject({ photoKey: null, cvKey: null });
    expect(await auditRowsFor(db, "Candidate", candidate.id)).toEqual([]);
  });

  it("refuses an unknown kind field by field", async () => {
    const { user } = await makeCandidateAccount(db);
    expect(await refusalOf(setProfileFile({ actor: asActor(user), input: { kind: "video" }, file: fileOf("clean.jpg") }))).toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { kind: "choose" },
    });
  });

  it("lets only a candidate set or remove a profile file", async () => {
    await expectOnlyRoleAllowed("CANDIDATE", (actor) => setProfileFile({ actor, input: { kind: "photo", ...DECLARED }, file: fileOf("clean.jpg") }));
    await expectOnlyRoleAllowed("CANDIDATE", (actor) => removeProfileFile({ actor, input: { kind: "photo" } }));
    expect(
      (
        await refusalOf(
          setProfileFile({ actor: actorOf("CANDIDATE", { candidateId: null }), input: { kind: "photo", ...DECLARED }, file: fileOf("clean.jpg") }),
        )
      ).code,
    ).toBe("FORBIDDEN");
  });

  it("exposes the photo and CV publicly only once the candidature is formal and a profile version is published", async () => {
    const announced = await makeCandidateAccount(db, "ANNOUNCED");
    await setProfileFile({ actor: asActor(announced.user), input: { kind: "photo", ...DECLARED }, file: fileOf("clean.jpg") });
    await db.candidateProfile.create({ data: { candidateId: announced.candidate.id, locale: "en", vision: "Vision", publishedAt: new Date() } });
    expect(await readPublicFiles(announced.candidate.id)).toMatchObject({ photoKey: null, cvKey: null });

    const formal = await makeCandidateAccount(db);
    const photo = await setProfileFile({ actor: asActor(formal.user), input: { kind: "photo", ...DECLARED }, file: fileOf("clean.jpg") });
    const cv = await setProfileFile({ actor: asActor(formal.user), input: { kind: "cv", ...DECLARED }, file: fileOf("clean.pdf") });
    expect(await readPublicFiles(formal.candidate.id)).toMatchObject({ photoKey: null, cvKey: null });
    await db.candidateProfile.create({ data: { candidateId: formal.candidate.id, locale: "en", vision: "Vision", publishedAt: new Date() } });
    expect(await readPublicFiles(formal.candidate.id)).toMatchObject({ photoKey: photo.key, cvKey: cv.key });
  });
});

describe("a brochure's file", () => {
  it("attaches a PDF to the candidate's own draft brochure, audited", async () => {
    const { candidate, user } = await makeCandidateAccount(db);
    const brochure = await makeBrochure(db, candidate.id);
    const after = await attachMaterialFile({ actor: asActor(user), input: { id: brochure.id }, file: fileOf("clean.pdf", "Programme\u202Efdp.exe.pdf") });
    expect(after).toMatchObject({ mimeType: "application/pdf", candidateId: candidate.id });
    expect(after.fileKey).toMatch(/^[a-f0-9]{32}\.pdf$/);
    expect(after.fileName).not.toMatch(/[/\\\u202E]/);
    expect(Number(after.sizeBytes)).toBe(fixture("clean.pdf").length);
    const audit = await auditRowsFor(db, "Material", brochure.id);
    expect(audit.map((a) => [a.area, a.action])).toEqual([["material", "file-attached"]]);
    expect(audit[0]?.after).toEqual({ hasFile: true });
    expect(JSON.stringify(audit.map((a) => [a.before, a.after]))).not.toContain(String(after.fileKey));
    expect(JSON.stringify(audit.map((a) => [a.before, a.after]))).not.toContain(String(after.fileName));
  });

  it("refuses a PDF with JavaScript and HTML disguised as PDF, changing nothing", async () => {
    const { candidate, user } = await makeCandidateAccount(db);
    const brochure = await makeBrochure(db, candidate.id);
    expect(await refusalOf(attachMaterialFile({ actor: asActor(user), input: { id: brochure.id }, file: fileOf("js-openaction.pdf") }))).toMatchObject({
      messageKey: "uploads.pdfActiveContent",
    });
    expect(await refusalOf(attachMaterialFile({ actor: asActor(user), input: { id: brochure.id }, file: fileOf("html-disguised.pdf") }))).toMatchObject({
      messageKey: "uploads.markupRefused",
    });
    expect((await db.material.findUniqueOrThrow({ where: { id: brochure.id } })).fileKey).toBeNull();
    expect(await auditRowsFor(db, "Material", brochure.id)).toEqual([]);
  });

  it("refuses a published brochure and a statement", async () => {
    const { candidate, user } = await makeCandidateAccount(db);
    const published = await makeBrochure(db, candidate.id, "PUBLISHED");
    expect(await refusalOf(attachMaterialFile({ actor: asActor(user), input: { id: published.id }, file: fileOf("clean.pdf") }))).toMatchObject({
      code: "CONFLICT",
      messageKey: "workspace.unpublishToEdit",
    });
    const statement = await makeStatement(db, candidate.id);
    expect(await refusalOf(attachMaterialFile({ actor: asActor(user), input: { id: statement.id }, file: fileOf("clean.pdf") }))).toMatchObject({
      code: "INVALID_INPUT",
      messageKey: "workspace.fileOnlyBrochure",
    });
  });

  it("answers another candidate's brochure as not found and stores nothing", async () => {
    const owner = await makeCandidateAccount(db);
    const other = await makeCandidateAccount(db);
    const brochure = await makeBrochure(db, owner.candidate.id);
    expect((await refusalOf(attachMaterialFile({ actor: asActor(other.user), input: { id: brochure.id }, file: fileOf("clean.pdf") }))).code).toBe("NOT_FOUND");
    expect((await db.material.findUniqueOrThrow({ where: { id: brochure.id } })).fileKey).toBeNull();
  });

  it("refuses a malformed id", async () => {
    const { user } = await makeCandidateAccount(db);
    expect((await refusalOf(attachMaterialFile({ actor: asActor(user), input: { id: "" }, file: fileOf("clean.pdf") }))).code).toBe("INVALID_INPUT");
  });

  it("lets only a candidate attach a file", async () => {
    const { candidate } = await makeCandidateAccount(db);
    const brochure = await makeBrochure(db, candidate.id);
    await expectOnlyRoleAllowed("CANDIDATE", (actor) => attachMaterialFile({ actor, input: { id: brochure.id }, file: fileOf("clean.pdf") }));
  });

  it("lists a published brochure's file publicly for a formal candidature only", async () => {
    const { candidate, user } = await makeCandidateAccount(db);
    const brochure = await makeBrochure(db, candidate.id);
    const after = await attachMaterialFile({ actor: asActor(user), input: { id: brochure.id }, file: fileOf("clean.pdf") });
    await db.material.update({ where: { id: brochure.id }, data: { state: "PUBLISHED", publishedAt: new Date() } });
    expect((await readPublicFiles(candidate.id))?.brochures).toEqual([expect.objectContaining({ id: brochure.id, fileKey: after.fileKey })]);
  });
});
