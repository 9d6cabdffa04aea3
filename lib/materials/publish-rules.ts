import { DECLARATION_REQUIRED, missingDeclaration } from "@/lib/campaign/declarations";
import { campaignPublishRefusal } from "@/lib/campaign/rules";
import type { CandidatureStatus, MaterialKind, MaterialState, VideoSource } from "@/lib/db/generated/enums";
import { videoPlayback } from "./video-playback";

export type PublishCheck = {
  candidateStatus: CandidatureStatus;
  state: MaterialState;
  kind: MaterialKind;
  body: string | null;
  url: string | null;
  fileKey: string | null;
  videoSource: VideoSource | null;
  muxPlaybackId: string | null;
  declaredNoSymbols: boolean;
  declaredNoResources: boolean;
};

/** Is the material's content there? A video or brochure has nothing to show before its file or video arrives. */
export function isComplete(m: Pick<PublishCheck, "kind" | "body" | "url" | "fileKey" | "videoSource" | "muxPlaybackId">): boolean {
  switch (m.kind) {
    case "STATEMENT":
      return Boolean(m.body?.trim());
    case "LINK":
      return Boolean(m.url);
    case "BROCHURE":
      return Boolean(m.fileKey);
    case "VIDEO":
      // What the public would play: a video still being prepared by Mux has nothing yet.
      return videoPlayback(m) !== null;
  }
}

/**
 * Why a material may not be published, as a message key of the "workspace" namespace, or
 * null when it may. Taken-down material stays down: only the secretariat's decision is
 * final there, a candidate cannot simply publish it again.
 */
export function publishRefusal(m: PublishCheck): { code: "CONFLICT" | "INVALID_INPUT"; key: string; field?: string } | null {
  if (m.state === "TAKEN_DOWN") return { code: "CONFLICT", key: "workspace.takenDownFinal" };
  if (m.state === "PUBLISHED") return { code: "CONFLICT", key: "workspace.alreadyPublished" };
  const status = campaignPublishRefusal(m.candidateStatus);
  if (status) return { code: "CONFLICT", key: status };
  if (!isComplete(m)) return { code: "CONFLICT", key: "workspace.materialIncomplete" };
  // 001 A: both declarations, every time something is published.
  const missing = missingDeclaration(m);
  if (missing) return { code: "INVALID_INPUT", key: DECLARATION_REQUIRED, field: missing };
  return null;
}

/** A draft may be edited; published material is unpublished first; taken-down material stays as it was judged. */
export function editRefusal(state: MaterialState): string | null {
  if (state === "PUBLISHED") return "workspace.unpublishToEdit";
  if (state === "TAKEN_DOWN") return "workspace.takenDownFinal";
  return null;
}
