import { can, type Actor } from "@/lib/auth/permissions";
import { isOnPublicRecord } from "@/lib/campaign/rules";
import type { CandidatureStatus } from "@/lib/db/generated/enums";

// A file is public only when its record is (docs/domain.md#public-record,
// docs/domain.md#confidentiality); drafts, taken-down material and
// anything of a candidature not yet formal are read by the owning candidate, and by the Ethics
// Office only when the material was sent to it for review — never the secretariat, the chair
// or another candidate. A photo or CV is never sent to the Office.

export type CandidatureStatusName = CandidatureStatus;

export type FileRecord =
  | { kind: "photo" | "cv"; candidateId: string; status: CandidatureStatusName; profilePublished: boolean; fileName: string | null }
  | {
      kind: "material";
      candidateId: string;
      status: CandidatureStatusName;
      state: "DRAFT" | "PUBLISHED" | "TAKEN_DOWN";
      fileName: string | null;
      /** Whether the candidate asked the Ethics Office to review this material (any review, waiting or answered). */
      sentToEthics?: boolean;
    };

export type FileAccess = { readable: false } | { readable: true; isPublic: boolean };

export function isPublicFile(record: FileRecord): boolean {
  // Published material stays (marked) after withdrawal or the election.
  if (!isOnPublicRecord(record.status)) return false;
  return record.kind === "material" ? record.state === "PUBLISHED" : record.profilePublished;
}

export function fileAccess(actor: Actor | null, record: FileRecord): FileAccess {
  if (isPublicFile(record)) return { readable: true, isPublic: true };
  const owner = { candidateId: record.candidateId };
  const ownerMay = record.kind === "material" ? can(actor, "manage:material:own", owner) : can(actor, "edit:profile:own", owner);
  // "review:material:any" is the Ethics Office's alone (lib/auth/permissions.ts); it reads what was sent to it (001).
  const officeMay = record.kind === "material" && record.sentToEthics === true && can(actor, "review:material:any");
  if (ownerMay || officeMay) return { readable: true, isPublic: false };
  return { readable: false };
}
