import { describe, expect, it } from "vitest";
import { ROLES } from "@/lib/auth/permissions";
import { fileAccess, type FileRecord } from "@/lib/uploads/file-access";
import { acceptFor, maxMegabytes } from "@/lib/uploads/limits";
import { actorOf } from "../support/roles";

const material = (extra: Partial<Extract<FileRecord, { kind: "material" }>> = {}): FileRecord => ({
  kind: "material",
  candidateId: "c1",
  status: "FORMAL",
  state: "PUBLISHED",
  fileName: null,
  ...extra,
});
const photo = (extra: Partial<Extract<FileRecord, { kind: "photo" | "cv" }>> = {}): FileRecord => ({
  kind: "photo",
  candidateId: "c1",
  status: "FORMAL",
  profilePublished: true,
  fileName: null,
  ...extra,
});
const owner = actorOf("CANDIDATE", { candidateId: "c1" });
const other = actorOf("CANDIDATE", { candidateId: "c2" });

describe("who may read an uploaded file (001, GR170)", () => {
  it.each(["FORMAL", "WITHDRAWN", "ELECTED", "NOT_ELECTED"] as const)("published material of a %s candidature is public", (status) => {
    expect(fileAccess(null, material({ status }))).toEqual({ readable: true, isPublic: true });
  });

  it("material of a candidature not yet formal is not public, even if marked published", () => {
    expect(fileAccess(null, material({ status: "ANNOUNCED" }))).toEqual({ readable: false });
  });

  it.each([material({ state: "DRAFT", sentToEthics: true }), material({ state: "TAKEN_DOWN", sentToEthics: true })])(
    "a non-public file of material sent to the Ethics Office is read by its owner and the Office only (%#)",
    (record) => {
      expect(fileAccess(owner, record)).toEqual({ readable: true, isPublic: false });
      expect(fileAccess(actorOf("ETHICS_OFFICER"), record)).toEqual({ readable: true, isPublic: false });
      expect(fileAccess(other, record)).toEqual({ readable: false });
      expect(fileAccess(null, record)).toEqual({ readable: false });
      for (const role of ROLES.filter((r) => r !== "CANDIDATE" && r !== "ETHICS_OFFICER"))
        expect(fileAccess(actorOf(role), record), role).toEqual({ readable: false });
    },
  );

  it.each([
    material({ state: "DRAFT" }),
    material({ state: "DRAFT", sentToEthics: false }),
    material({ state: "TAKEN_DOWN" }),
    photo({ profilePublished: false }),
    photo({ status: "ANNOUNCED" }),
  ])("a non-public file never sent to the Ethics Office is read by its owner only (%#)", (record) => {
    expect(fileAccess(owner, record)).toEqual({ readable: true, isPublic: false });
    expect(fileAccess(actorOf("ETHICS_OFFICER"), record)).toEqual({ readable: false });
    expect(fileAccess(other, record)).toEqual({ readable: false });
    expect(fileAccess(null, record)).toEqual({ readable: false });
    expect(fileAccess({ ...owner, disabled: true }, record)).toEqual({ readable: false });
    for (const role of ROLES.filter((r) => r !== "CANDIDATE")) expect(fileAccess(actorOf(role), record), role).toEqual({ readable: false });
  });

  it("a candidate account bound to nothing reads no draft", () => {
    expect(fileAccess(actorOf("CANDIDATE", { candidateId: null }), material({ state: "DRAFT" }))).toEqual({ readable: false });
  });
});

describe("limits shared with the form", () => {
  it("gives the accept list and the limit in MB", () => {
    expect(acceptFor("photo")).toBe("image/jpeg,.jpg,image/png,.png,image/webp,.webp");
    expect(acceptFor("brochure")).toBe("application/pdf,.pdf");
    expect([maxMegabytes("photo"), maxMegabytes("cv"), maxMegabytes("video")]).toEqual([5, 20, 1024]);
  });
});
