// What the audit log keeps of confidential records (docs/domain.md#confidentiality,
// docs/audit.md): ids and statuses only. A draft's title, text, link, video address, file
// key and file name, a profile not yet published, and the Ethics Office's outcome and advice
// are read by the candidate and the Office alone, while the secretariat reads the log.
//
// The services write these views; emitAudit applies them again to every row of these areas,
// and the log's reads apply them once more, so neither a service that forgets nor a row
// written by an older version of the application shows anything else. The migration
// *_scrub_confidential_audit rewrote the rows written before, to the same shapes.
// Pure: no database, unit-tested.

type Snapshot = Record<string, unknown>;

function isRecord(value: unknown): value is Snapshot {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The kept fields as they are, and each "presence" field as a boolean (whether it held
 * anything). A view already taken is kept as it is: emitAudit and the reads apply it again.
 */
function project(value: Snapshot, kept: readonly string[], presence: Readonly<Record<string, string>>): Snapshot {
  const out: Snapshot = {};
  for (const key of [...kept, ...Object.values(presence)]) if (key in value) out[key] = value[key];
  for (const [key, flag] of Object.entries(presence)) if (key in value) out[flag] = value[key] !== null && value[key] !== undefined;
  return out;
}

const MATERIAL_KEPT = [
  "id",
  "candidateId",
  "kind",
  "state",
  "publishedAt",
  "takenDownAt",
  // The secretariat's own reason for a takedown (docs/domain.md#takedown), of material that was public.
  "takedownReason",
  "declaredNoSymbols",
  "declaredNoResources",
  "videoSource",
] as const;
const MATERIAL_PRESENCE = { fileKey: "hasFile", muxPlaybackId: "hasPlaybackId", videoError: "videoFailed" } as const;

/** A material as the log keeps it: never its title, language, body, link, file or video address (a Mux playback id is one). */
export function materialAuditView(material: object): Snapshot {
  return project(material as Snapshot, MATERIAL_KEPT, MATERIAL_PRESENCE);
}

/** What an answered review's status reads as in the log: that it was answered, never how. */
export const ANSWERED = "ANSWERED";

/**
 * A review as the log keeps it: ids, and whether it waits or was answered. Neither the
 * question, nor the advice, nor the outcome (cleared or advice): the secretariat does not
 * learn what the Ethics Office thought of a draft (docs/domain.md#ethics-review).
 */
export function reviewAuditView(review: object): Snapshot {
  const r = review as Snapshot;
  const out = project(r, ["id", "materialId", "candidateId"], {});
  if ("status" in r) out.status = r.status === "PENDING" ? "PENDING" : ANSWERED;
  return out;
}

const PROFILE_KEPT = [
  "id",
  "candidateId",
  "locale",
  "publishedAt",
  "declaredNoSymbols",
  "declaredNoResources",
  "takenDownAt",
  "takedownReason",
  "reason",
  // A takedown's SHA-256 of what was public (lib/candidates/profile-takedowns.ts), so the same text or file stays down.
  "digest",
] as const;
const PROFILE_PRESENCE = { photoKey: "hasPhoto", cvKey: "hasCv" } as const;

/**
 * A candidate's profile, photo or CV as the log keeps it: which language version, whether
 * published, whether a photo or CV is set; never the biography, vision, contact details,
 * file key or file name (a profile not yet published is the candidate's alone,
 * docs/domain.md#campaigning-after-formal). A nested language version is kept the same way.
 */
export function profileAuditView(profile: object): Snapshot {
  const p = profile as Snapshot;
  const out = project(p, PROFILE_KEPT, PROFILE_PRESENCE);
  if ("version" in p) out.version = isRecord(p.version) ? profileAuditView(p.version) : null;
  return out;
}

/** The candidate area's rows about the profile, photo, CV and vision (the others are the secretariat's own data). */
const PROFILE_ACTION = /^(profile|photo|cv|vision)-/;

/** The view a row of this area and action must be kept in, or null when its snapshots are not confidential. */
function viewFor(area: string, action: string): ((value: object) => Snapshot) | null {
  if (area === "material") return materialAuditView;
  if (area === "ethics") return reviewAuditView;
  if (area === "candidate" && PROFILE_ACTION.test(action)) return profileAuditView;
  return null;
}

/** A snapshot (before or after) as the log may hold and show it. Anything not an object is dropped from a confidential row. */
export function confidentialView(area: string, action: string, value: unknown): unknown {
  const view = viewFor(area, action);
  if (!view || value === null || value === undefined) return value;
  return isRecord(value) ? view(value) : null;
}
