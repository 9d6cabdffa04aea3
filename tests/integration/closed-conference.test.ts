import { readFileSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type PrismaClient } from "@/lib/db/client";
import { withAppDatabase } from "../support/app-database";
import { asActor, makeUser } from "../support/factories";
import { makeDraftStatement, makeReviewRequest } from "../support/factories-ethics";
import { makeBrochure } from "../support/factories-files";
import { askInput, makeForumCandidate, makeQuestion, someAddress } from "../support/factories-forum";
import { makeVideo } from "../support/factories-video";
import { makeCandidateAccount, makeStatement } from "../support/factories-workspace";
import { actorOf, refusalOf } from "../support/roles";

// A closed conference is read-only everywhere, not only in the console (docs/decisions/012):
// every service that changes a candidature's records refuses, and nothing is written or stored.

const storageDir = await mkdtemp(path.join(tmpdir(), "hustings-closed-"));
process.env.STORAGE_DIR = storageDir;
for (const name of ["MUX_TOKEN_ID", "MUX_TOKEN_SECRET", "MUX_WEBHOOK_SECRET"]) delete process.env[name];

const { updateProfile } = await import("@/lib/candidates/update-profile");
const { publishProfile } = await import("@/lib/candidates/publish-profile");
const { setProfileFile, removeProfileFile } = await import("@/lib/candidates/set-profile-file");
const { createMaterial } = await import("@/lib/materials/create-material");
const { updateMaterial } = await import("@/lib/materials/update-material");
const { publishMaterial, unpublishMaterial } = await import("@/lib/materials/publish-material");
const { attachMaterialFile } = await import("@/lib/materials/attach-file");
const { attachVideoFile, setVideoUrl, startVideoUpload } = await import("@/lib/materials/video");
const { takeDownMaterial } = await import("@/lib/materials/take-down");
const { answerQuestion, declineQuestion, hideQuestion, publishQuestion, withdrawQuestion } = await import("@/lib/forum/moderate");
const { askQuestion } = await import("@/lib/forum/ask");
const { requestReview } = await import("@/lib/ethics/request-review");
const { answerReview } = await import("@/lib/ethics/answer-review");

const database = withAppDatabase();
let db: PrismaClient;
beforeAll(() => {
  db = createDb(database.url());
});
afterAll(async () => {
  await db.$disconnect();
  await rm(storageDir, { recursive: true, force: true });
});

const CLOSED = { code: "CONFLICT", messageKey: "conferences.CONFERENCE_CLOSED" };
const fixture = (folder: string, name: string) => readFileSync(path.join(__dirname, "../fixtures", folder, name));
const fileOf = (name: string, type: string) => new File([new Uint8Array(fixture("hostile", name))], name, { type });
const MP4 = fixture("video", "sample.mp4");
const streamOf = (bytes: Buffer) => new ReadableStream<Uint8Array>({ start: (c) => (c.enqueue(new Uint8Array(bytes)), c.close()) });

const close = (conferenceId: string) => db.conference.update({ where: { id: conferenceId }, data: { closedAt: new Date() } });
const auditCount = () => db.auditEvent.count();
const storedFiles = async () => (await readdir(storageDir).catch(() => [] as string[])).sort();

describe("a closed conference's campaign material", () => {
  it("is neither created, edited, published, unpublished, given a file or video, nor taken down", async () => {
    const { candidate, user, conferenceId } = await makeCandidateAccount(db);
    const actor = asActor(user);
    const draft = await makeStatement(db, candidate.id);
    const published = await makeStatement(db, candidate.id, "PUBLISHED");
    const brochure = await makeBrochure(db, candidate.id);
    const video = await makeVideo(db, candidate.id);
    await close(conferenceId);
    const materialsBefore = await db.material.findMany({ where: { candidateId: candidate.id }, orderBy: { id: "asc" } });
    const auditsBefore = await auditCount();

    const refusals = {
      create: await refusalOf(createMaterial({ actor, input: { kind: "STATEMENT", title: "New", language: "en", body: "Text." } })),
      update: await refusalOf(updateMaterial({ actor, input: { id: draft.id, title: "Changed", language: "en", body: "Changed." } })),
      publish: await refusalOf(publishMaterial({ actor, input: { id: draft.id, declaredNoSymbols: "on", declaredNoResources: "on" } })),
      unpublish: await refusalOf(unpublishMaterial({ actor, input: { id: published.id } })),
      attachFile: await refusalOf(attachMaterialFile({ actor, input: { id: brochure.id }, file: fileOf("clean.pdf", "application/pdf") })),
      attachVideo: await refusalOf(attachVideoFile({ actor, id: video.id, body: streamOf(MP4), size: MP4.length, originalName: "v.mp4" })),
      videoUrl: await refusalOf(setVideoUrl({ actor, input: { id: video.id, url: "https://cdn.example.org/v/campaign.webm" } })),
      startUpload: await refusalOf(startVideoUpload({ actor, input: { id: video.id }, origin: "https://portal.example" })),
      takeDown: await refusalOf(
        takeDownMaterial({ actor: actorOf("SECRETARIAT"), input: { id: published.id, reason: "Uses the Union's emblem.", confirmed: "yes" } }),
      ),
    };
    for (const [service, refusal] of Object.entries(refusals)) expect({ service, ...refusal }).toMatchObject({ service, ...CLOSED });

    expect(await db.material.findMany({ where: { candidateId: candidate.id }, orderBy: { id: "asc" } })).toEqual(materialsBefore);
    expect(await auditCount()).toBe(auditsBefore);
    expect(await storedFiles()).toEqual([]);
  });
});

describe("a closed conference's forums", () => {
  it("are neither moderated by the candidate nor hidden by the secretariat", async () => {
    const { candidate, user, conferenceId } = await makeForumCandidate(db);
    const actor = asActor(user);
    const pending = await makeQuestion(db, candidate.id);
    const answered = await makeQuestion(db, candidate.id, { status: "PUBLISHED", answer: "An answer." });
    await close(conferenceId);
    const questionsBefore = await db.forumQuestion.findMany({ where: { candidateId: candidate.id }, orderBy: { id: "asc" } });
    const auditsBefore = await auditCount();

    const refusals = {
      publish: await refusalOf(publishQuestion({ actor, input: { id: pending.id, answer: "Late answer." } })),
      answer: await refusalOf(answerQuestion({ actor, input: { id: answered.id, answer: "Edited answer." } })),
      decline: await refusalOf(declineQuestion({ actor, input: { id: pending.id, reason: "Not about the post.", confirmed: "yes" } })),
      withdraw: await refusalOf(withdrawQuestion({ actor, input: { id: answered.id, reason: "Published by mistake.", confirmed: "yes" } })),
      hide: await refusalOf(hideQuestion({ actor: actorOf("SECRETARIAT"), input: { id: answered.id, reason: "Abusive language.", confirmed: "yes" } })),
    };
    for (const [service, refusal] of Object.entries(refusals)) expect({ service, ...refusal }).toMatchObject({ service, ...CLOSED });

    expect(await db.forumQuestion.findMany({ where: { candidateId: candidate.id }, orderBy: { id: "asc" } })).toEqual(questionsBefore);
    expect(await auditCount()).toBe(auditsBefore);
  });

  it("take no questions, whatever closing time the secretariat set", async () => {
    const { candidate, conferenceId } = await makeForumCandidate(db);
    await db.conference.update({ where: { id: conferenceId }, data: { forumClosesAt: new Date("2099-01-01T00:00:00Z") } });
    await close(conferenceId);
    const now = new Date("2030-01-01T00:00:00Z");
    expect(await refusalOf(askQuestion({ input: askInput(candidate.id), client: { ip: someAddress() }, now }))).toMatchObject({
      code: "CONFLICT",
      messageKey: "forum.closedAfterClosing",
    });
    expect(await db.forumQuestion.count({ where: { candidateId: candidate.id } })).toBe(0);
  });
});

describe("a closed conference's candidate profiles", () => {
  it("are neither saved, published, withdrawn, nor given or stripped of a photo or CV", async () => {
    const { candidate, user, conferenceId } = await makeCandidateAccount(db);
    const actor = asActor(user);
    await db.candidateProfile.create({
      data: { candidateId: candidate.id, locale: "en", biography: "Engineer.", vision: "Connect everyone.", publishedAt: new Date() },
    });
    await db.candidateProfile.create({ data: { candidateId: candidate.id, locale: "fr", biography: "Ingénieure.", vision: "Connecter tout le monde." } });
    await db.candidate.update({ where: { id: candidate.id }, data: { cvKey: "kept-cv.pdf" } });
    await close(conferenceId);
    const candidateBefore = await db.candidate.findUniqueOrThrow({ where: { id: candidate.id }, include: { profiles: { orderBy: { locale: "asc" } } } });
    const auditsBefore = await auditCount();

    const profileInput = {
      version: "en",
      biography: "Changed.",
      vision: "Changed.",
      visionFormat: "PLAIN",
      languages: "English",
      website: "",
      contactEmail: "",
    };
    const refusals = {
      save: await refusalOf(updateProfile({ actor, input: profileInput })),
      publish: await refusalOf(publishProfile({ actor, input: { version: "fr", publish: "true" } })),
      withdraw: await refusalOf(publishProfile({ actor, input: { version: "en", publish: "false" } })),
      setPhoto: await refusalOf(setProfileFile({ actor, input: { kind: "photo" }, file: fileOf("clean.jpg", "image/jpeg") })),
      setCv: await refusalOf(setProfileFile({ actor, input: { kind: "cv" }, file: fileOf("clean.pdf", "application/pdf") })),
      removeCv: await refusalOf(removeProfileFile({ actor, input: { kind: "cv" } })),
    };
    for (const [service, refusal] of Object.entries(refusals)) expect({ service, ...refusal }).toMatchObject({ service, ...CLOSED });

    expect(await db.candidate.findUniqueOrThrow({ where: { id: candidate.id }, include: { profiles: { orderBy: { locale: "asc" } } } })).toEqual(
      candidateBefore,
    );
    expect(await auditCount()).toBe(auditsBefore);
    expect(await storedFiles()).toEqual([]);
  });
});

describe("a closed conference's Ethics Office reviews", () => {
  it("are neither requested by the candidate nor answered by the Ethics Office", async () => {
    const { candidate, user, conferenceId } = await makeCandidateAccount(db);
    const draft = await makeDraftStatement(db, candidate.id);
    const other = await makeDraftStatement(db, candidate.id);
    const request = await makeReviewRequest(db, other);
    const officer = await makeUser(db, "ETHICS_OFFICER");
    await close(conferenceId);
    const reviewsBefore = await db.ethicsReview.findMany({ where: { candidateId: candidate.id }, orderBy: { id: "asc" } });
    const auditsBefore = await auditCount();

    const refusals = {
      request: await refusalOf(requestReview({ actor: asActor(user), input: { materialId: draft.id, question: "May I show the flag?" } })),
      answer: await refusalOf(answerReview({ actor: asActor(officer), input: { reviewId: request.id, outcome: "ADVICE", comment: "Remove the emblem." } })),
    };
    for (const [service, refusal] of Object.entries(refusals)) expect({ service, ...refusal }).toMatchObject({ service, ...CLOSED });

    expect(await db.ethicsReview.findMany({ where: { candidateId: candidate.id }, orderBy: { id: "asc" } })).toEqual(reviewsBefore);
    expect(await auditCount()).toBe(auditsBefore);
  });
});
