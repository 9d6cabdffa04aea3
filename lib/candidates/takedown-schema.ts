import { text } from "@/lib/validation/fields";
import { z } from "@/lib/validation/zod";
import { profileLocale } from "./profile-schema";

// The takedown of a profile's published parts: a reason as for material's (docs/domain.md#takedown).
export const TAKEDOWN_LIMITS = { reason: 1000, reasonMin: 10 } as const;
const reason = text(TAKEDOWN_LIMITS.reason).min(TAKEDOWN_LIMITS.reasonMin, { error: "adminMaterials.reasonTooShort" });
const candidateId = z.string().trim().min(1).max(100);

export const takeDownVersionSchema = z.object({ candidateId, version: profileLocale, reason });
export const takeDownProfileFileSchema = z.object({ candidateId, kind: z.enum(["photo", "cv"]), reason });
