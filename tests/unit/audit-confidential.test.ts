import { describe, expect, it } from "vitest";
import { confidentialView, materialAuditView, profileAuditView, reviewAuditView } from "@/lib/audit/confidential";

// docs/audit.md#ids-and-statuses-only: what the audit log keeps of drafts, profiles and reviews.

const draft = {
  id: "m1",
  candidateId: "c1",
  kind: "VIDEO",
  title: "Secret title",
  language: "en",
  body: "Secret body",
  url: "https://secret.example/v.m3u8",
  fileKey: "0123456789abcdef0123456789abcdef.mp4",
  fileName: "Secret.mp4",
  mimeType: "video/mp4",
  sizeBytes: "12",
  videoSource: "UPLOAD",
  muxUploadId: "u1",
  muxAssetId: "a1",
  muxPlaybackId: "SecretPlayback",
  videoError: null,
  declaredNoSymbols: false,
  declaredNoResources: false,
  state: "DRAFT",
  publishedAt: null,
  takenDownAt: null,
  takedownReason: null,
};

describe("materialAuditView", () => {
  it("keeps ids and statuses, and says whether a file or playback id is there, never what it is", () => {
    expect(materialAuditView(draft)).toEqual({
      id: "m1",
      candidateId: "c1",
      kind: "VIDEO",
      state: "DRAFT",
      publishedAt: null,
      takenDownAt: null,
      takedownReason: null,
      declaredNoSymbols: false,
      declaredNoResources: false,
      videoSource: "UPLOAD",
      hasFile: true,
      hasPlaybackId: true,
      videoFailed: false,
    });
    expect(JSON.stringify(materialAuditView(draft))).not.toMatch(/Secret|0123456789abcdef|u1|a1/);
  });

  it("adds nothing a snapshot did not have, and gives the same view when applied again", () => {
    expect(materialAuditView({ fileKey: null, fileName: null })).toEqual({ hasFile: false });
    const view = materialAuditView(draft);
    expect(materialAuditView(view)).toEqual(view);
  });
});

describe("reviewAuditView", () => {
  it.each(["CLEARED", "ADVICE", "ANSWERED"])("reads %s as answered, never the outcome, question or advice", (status) => {
    expect(reviewAuditView({ id: "r1", materialId: "m1", candidateId: "c1", status, question: "Q?", answer: "A." })).toEqual({
      id: "r1",
      materialId: "m1",
      candidateId: "c1",
      status: "ANSWERED",
    });
  });

  it("keeps a waiting request as pending", () => {
    expect(reviewAuditView({ id: "r1", status: "PENDING" })).toEqual({ id: "r1", status: "PENDING" });
  });
});

describe("profileAuditView", () => {
  it("keeps the version's language and publication, never its words, contact details or files", () => {
    const before = { languages: ["English"], website: "https://x.example", contactEmail: "a@example.org", version: null };
    const after = { ...before, version: { locale: "fr", biography: "Bio", vision: "Vision", visionFormat: "MARKDOWN", publishedAt: null } };
    expect(profileAuditView(before)).toEqual({ version: null });
    expect(profileAuditView(after)).toEqual({ version: { locale: "fr", publishedAt: null } });
    expect(profileAuditView({ photoKey: "k.jpg", fileName: "me.jpg", mime: "image/jpeg", size: 3 })).toEqual({ hasPhoto: true });
    expect(profileAuditView({ cvKey: null })).toEqual({ hasCv: false });
  });

  it("keeps a takedown's reason and digest, and the declarations of a publication", () => {
    expect(profileAuditView({ photoKey: null, reason: "Uses the emblem.", digest: "ab12" })).toEqual({
      hasPhoto: false,
      reason: "Uses the emblem.",
      digest: "ab12",
    });
    expect(profileAuditView({ id: "p1", locale: "en", publishedAt: "2026-01-01T00:00:00.000Z", declaredNoSymbols: true, declaredNoResources: true })).toEqual({
      id: "p1",
      locale: "en",
      publishedAt: "2026-01-01T00:00:00.000Z",
      declaredNoSymbols: true,
      declaredNoResources: true,
    });
  });
});

describe("confidentialView", () => {
  it("applies the area's view, and the profile's to the candidate's profile, photo, CV and vision rows only", () => {
    expect(confidentialView("material", "created", draft)).toEqual(materialAuditView(draft));
    expect(confidentialView("ethics", "review-answered", { id: "r1", status: "ADVICE" })).toEqual({ id: "r1", status: "ANSWERED" });
    expect(confidentialView("candidate", "profile-updated", { website: "https://x.example" })).toEqual({});
    expect(confidentialView("candidate", "cv-set", { cvKey: "k.pdf" })).toEqual({ hasCv: true });
    // The secretariat's own records keep their fields.
    expect(confidentialView("candidate", "registered", { name: "Ada" })).toEqual({ name: "Ada" });
    expect(confidentialView("post", "created", { title: "Secretary-General" })).toEqual({ title: "Secretary-General" });
  });

  it("drops a confidential row's snapshot that is not an object, and leaves an absent one absent", () => {
    expect(confidentialView("material", "created", "Secret body")).toBeNull();
    expect(confidentialView("ethics", "review-answered", ["ADVICE"])).toBeNull();
    expect(confidentialView("material", "created", null)).toBeNull();
    expect(confidentialView("material", "created", undefined)).toBeUndefined();
  });
});
