import { describe, expect, it } from "vitest";
import { isCorporateAddress } from "@/lib/candidates/contact-domain";
import { updateProfileSchema } from "@/lib/candidates/profile-schema";
import { missingDeclaration } from "@/lib/campaign/declarations";
import { campaignPublishRefusal, mayCampaignPublicly, mayPublishInForum } from "@/lib/campaign/rules";
import { editRefusal, isComplete, publishRefusal, type PublishCheck } from "@/lib/materials/publish-rules";
import { createMaterialSchema, publishMaterialSchema, takeDownSchema } from "@/lib/materials/schema";

const ready: PublishCheck = {
  candidateStatus: "FORMAL",
  state: "DRAFT",
  kind: "STATEMENT",
  body: "My programme",
  url: null,
  fileKey: null,
  videoSource: null,
  muxPlaybackId: null,
  declaredNoSymbols: true,
  declaredNoResources: true,
};

describe("001 A: campaign contact is not on a corporate domain", () => {
  it("refuses the domain itself and its subdomains, in any case", () => {
    expect(isCorporateAddress("someone@itu.int", ["itu.int"])).toBe(true);
    expect(isCorporateAddress("Someone@Mail.ITU.INT", ["itu.int"])).toBe(true);
    expect(isCorporateAddress("someone@itu.int.", ["itu.int"])).toBe(true);
  });
  it("accepts look-alike and private domains", () => {
    expect(isCorporateAddress("someone@notitu.int", ["itu.int"])).toBe(false);
    expect(isCorporateAddress("someone@itu.int.example.org", ["itu.int"])).toBe(false);
    expect(isCorporateAddress("someone@example.org", ["itu.int", "undp.org"])).toBe(false);
    expect(isCorporateAddress("someone@example.org", [])).toBe(false);
  });
});

describe("001, footnote 2 and 001 A: when material may be published", () => {
  it("allows a complete draft of a formal candidature with both declarations", () => {
    expect(publishRefusal(ready)).toBeNull();
  });
  it.each([
    ["ANNOUNCED", "workspace.notFormal"],
    ["WITHDRAWN", "workspace.candidatureWithdrawn"],
    ["ELECTED", "workspace.electionHeld"],
    ["NOT_ELECTED", "workspace.electionHeld"],
  ] as const)("refuses while the candidature is %s, saying why", (status, key) => {
    expect(mayCampaignPublicly(status)).toBe(false);
    expect(campaignPublishRefusal(status)).toBe(key);
    expect(publishRefusal({ ...ready, candidateStatus: status })).toEqual({ code: "CONFLICT", key });
  });
  it("lets a withdrawn candidate publish nothing new in the forum, and everyone else moderate", () => {
    expect(mayPublishInForum("WITHDRAWN")).toBe(false);
    for (const status of ["ANNOUNCED", "FORMAL", "ELECTED", "NOT_ELECTED"] as const) expect(mayPublishInForum(status)).toBe(true);
  });
  it("names the first declaration missing, for material and the profile alike", () => {
    expect(missingDeclaration({ declaredNoSymbols: true, declaredNoResources: true })).toBeNull();
    expect(missingDeclaration({ declaredNoSymbols: false, declaredNoResources: false })).toBe("declaredNoSymbols");
    expect(missingDeclaration({ declaredNoSymbols: true, declaredNoResources: false })).toBe("declaredNoResources");
  });
  it("requires each declaration, naming its field", () => {
    expect(publishRefusal({ ...ready, declaredNoSymbols: false })).toEqual({
      code: "INVALID_INPUT",
      key: "workspace.declarationRequired",
      field: "declaredNoSymbols",
    });
    expect(publishRefusal({ ...ready, declaredNoResources: false })).toEqual({
      code: "INVALID_INPUT",
      key: "workspace.declarationRequired",
      field: "declaredNoResources",
    });
  });
  it("keeps taken-down material down and refuses publishing twice", () => {
    expect(publishRefusal({ ...ready, state: "TAKEN_DOWN" })?.key).toBe("workspace.takenDownFinal");
    expect(publishRefusal({ ...ready, state: "PUBLISHED" })?.key).toBe("workspace.alreadyPublished");
    expect(editRefusal("TAKEN_DOWN")).toBe("workspace.takenDownFinal");
    expect(editRefusal("PUBLISHED")).toBe("workspace.unpublishToEdit");
    expect(editRefusal("DRAFT")).toBeNull();
  });
  it("refuses a video or brochure before its file arrives", () => {
    expect(isComplete({ ...ready, kind: "BROCHURE" })).toBe(false);
    expect(isComplete({ ...ready, kind: "BROCHURE", fileKey: "k" })).toBe(true);
    expect(isComplete({ ...ready, kind: "VIDEO", videoSource: "MUX", muxPlaybackId: "p" })).toBe(true);
    expect(isComplete({ ...ready, kind: "VIDEO", videoSource: "UPLOAD", fileKey: "k.mp4" })).toBe(true);
    expect(isComplete({ ...ready, kind: "VIDEO", videoSource: "URL", url: "https://v.example.org/a.m3u8" })).toBe(true);
    // Sent to Mux and still being prepared: nothing to show yet.
    expect(isComplete({ ...ready, kind: "VIDEO", videoSource: "MUX" })).toBe(false);
    expect(publishRefusal({ ...ready, kind: "VIDEO" })?.key).toBe("workspace.materialIncomplete");
    expect(publishRefusal({ ...ready, body: "   " })?.key).toBe("workspace.materialIncomplete");
  });
});

describe("material and profile schemas", () => {
  it("needs a statement's text and a link's https: address", () => {
    expect(createMaterialSchema.safeParse({ kind: "STATEMENT", title: "T", language: "en", body: "" }).success).toBe(false);
    expect(createMaterialSchema.safeParse({ kind: "LINK", title: "T", language: "en", url: "http://example.org" }).success).toBe(false);
    expect(createMaterialSchema.safeParse({ kind: "LINK", title: "T", language: "en", url: "javascript:alert(1)" }).success).toBe(false);
    expect(createMaterialSchema.safeParse({ kind: "LINK", title: "T", language: "pt-BR", url: "https://example.org" }).success).toBe(true);
    expect(createMaterialSchema.safeParse({ kind: "SCRIPT", title: "T", language: "en" }).success).toBe(false);
    expect(createMaterialSchema.safeParse({ kind: "STATEMENT", title: "T", language: "en<script>", body: "b" }).success).toBe(false);
  });
  it("reads unticked declarations as false and needs a takedown reason of 10 characters", () => {
    expect(publishMaterialSchema.parse({ id: "m1" })).toEqual({ id: "m1", declaredNoSymbols: false, declaredNoResources: false });
    expect(takeDownSchema.safeParse({ id: "m1", reason: "short" }).error?.issues[0]?.message).toBe("adminMaterials.reasonTooShort");
  });
  it("accepts only https websites and a language version among the six", () => {
    const base = { version: "fr", vision: "v" };
    expect(updateProfileSchema.safeParse({ ...base, website: "http://example.org" }).success).toBe(false);
    expect(updateProfileSchema.safeParse({ ...base, website: "https://example.org" }).success).toBe(true);
    expect(updateProfileSchema.safeParse({ ...base, version: "de" }).success).toBe(false);
    expect(updateProfileSchema.parse({ ...base, languages: "English, French\nEnglish", website: "", contactEmail: "" })).toMatchObject({
      languages: ["English", "French"],
      website: null,
      contactEmail: null,
    });
  });
});
