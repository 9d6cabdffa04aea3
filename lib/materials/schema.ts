import { checkbox, text } from "@/lib/validation/fields";
import { z } from "@/lib/validation/zod";
import { httpsUrl } from "@/lib/candidates/profile-schema";

// Limits shared by the candidate's material forms and the services (docs/conventions.md#schemas-and-limits).
export const MATERIAL_LIMITS = { title: 200, body: 20000, url: 2000, reason: 1000, reasonMin: 10 } as const;

export const MATERIAL_KINDS = ["STATEMENT", "LINK", "VIDEO", "BROCHURE"] as const;

/** A language tag (BCP 47, e.g. "en", "pt-BR"): material may be in any language, not only the six. */
const languageTag = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/, { error: "workspace.languageInvalid" });

const id = z.string().trim().min(1).max(40);

const common = { title: text(MATERIAL_LIMITS.title), language: languageTag };
const statementBody = z.string().trim().min(1).max(MATERIAL_LIMITS.body);
const linkUrl = z.string().trim().min(1).pipe(httpsUrl);

/** What each kind carries: a statement its text (always read as the safe Markdown subset), a link its https: address; files come with the upload. */
const content = {
  STATEMENT: z.object({ kind: z.literal("STATEMENT"), ...common, body: statementBody }),
  LINK: z.object({ kind: z.literal("LINK"), ...common, url: linkUrl }),
  VIDEO: z.object({ kind: z.literal("VIDEO"), ...common }),
  BROCHURE: z.object({ kind: z.literal("BROCHURE"), ...common }),
} as const;

export const createMaterialSchema = z.discriminatedUnion("kind", [content.STATEMENT, content.LINK, content.VIDEO, content.BROCHURE], {
  error: "choose",
});

export type CreateMaterialInput = z.input<typeof createMaterialSchema>;

/** The same fields, for the material's own kind (the kind itself never changes). */
export const updateMaterialSchemas = {
  STATEMENT: content.STATEMENT.omit({ kind: true }).extend({ id }),
  LINK: content.LINK.omit({ kind: true }).extend({ id }),
  VIDEO: content.VIDEO.omit({ kind: true }).extend({ id }),
  BROCHURE: content.BROCHURE.omit({ kind: true }).extend({ id }),
} as const;

export const materialIdSchema = z.object({ id });

/** 001 A: ticked by the candidate each time material is published. */
export const publishMaterialSchema = z.object({ id, declaredNoSymbols: checkbox, declaredNoResources: checkbox });

export const takeDownSchema = z.object({
  id,
  reason: text(MATERIAL_LIMITS.reason).min(MATERIAL_LIMITS.reasonMin, { error: "adminMaterials.reasonTooShort" }),
});
