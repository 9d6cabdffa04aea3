import { optionalText, text } from "@/lib/validation/fields";
import { z } from "@/lib/validation/zod";

// Limits shared by the posts forms and the services (docs/conventions.md#schemas-and-limits).
export const POST_LIMITS = { code: 32, name: 200, seats: 50, sortOrder: 9999 } as const;

export const POST_KINDS = ["ELECTED_OFFICIAL", "RRB_SEAT", "COUNCIL_SEAT"] as const;
export const REGIONS = ["A", "B", "C", "D", "E"] as const;
/** The six interface languages a post may be named in; English is required (Post.names). */
export const NAME_LOCALES = ["en", "fr", "es", "ar", "ru", "zh"] as const;

/** Stable code (SG, DSG, RRB-A …), typed in any case and kept upper-case. */
const code = z
  .string()
  .trim()
  .toUpperCase()
  .min(1)
  .regex(/^[A-Z0-9-]{1,32}$/, { error: "adminPosts.codeInvalid" });

// Not fields.ts's `integer`: its schema-wide "number" message would also replace the range messages.
const whole = (min: number, max: number) => z.coerce.number().int({ error: "integer" }).min(min).max(max);

/** An empty select means "no region". */
const region = z.preprocess((v) => (v === "" || v === undefined ? null : v), z.enum(REGIONS).nullable());

const postFields = z.object({
  code,
  kind: z.enum(POST_KINDS),
  region,
  seats: whole(1, POST_LIMITS.seats),
  sortOrder: z.preprocess((v) => (v === "" || v === undefined ? 0 : v), whole(0, POST_LIMITS.sortOrder)),
  nameEn: text(POST_LIMITS.name),
  nameFr: optionalText(POST_LIMITS.name),
  nameEs: optionalText(POST_LIMITS.name),
  nameAr: optionalText(POST_LIMITS.name),
  nameRu: optionalText(POST_LIMITS.name),
  nameZh: optionalText(POST_LIMITS.name),
});

type PostFields = z.output<typeof postFields>;

/**
 * RRB and Council seats are elected by region (docs/domain.md#posts-and-regions); the five
 * elected officials are elected by the whole conference and have none.
 */
export function regionRefusal(kind: PostFields["kind"], region: PostFields["region"]): string | null {
  if (kind === "ELECTED_OFFICIAL") return region === null ? null : "adminPosts.regionForbidden";
  return region === null ? "adminPosts.regionRequired" : null;
}

function toPost({ nameEn, nameFr, nameEs, nameAr, nameRu, nameZh, ...rest }: PostFields) {
  const names: Record<string, string> = { en: nameEn };
  for (const [locale, value] of [
    ["fr", nameFr],
    ["es", nameEs],
    ["ar", nameAr],
    ["ru", nameRu],
    ["zh", nameZh],
  ] as const) {
    if (value) names[locale] = value;
  }
  return { ...rest, names };
}

const withRegionRule = <S extends z.ZodType<PostFields>>(schema: S) =>
  schema.superRefine((p, ctx) => {
    const refusal = regionRefusal(p.kind, p.region);
    if (refusal) ctx.addIssue({ code: "custom", path: ["region"], message: refusal });
  });

export const createPostSchema = withRegionRule(postFields).transform(toPost);

const postId = z.string().trim().min(1).max(40);

export const updatePostSchema = withRegionRule(postFields.extend({ id: postId })).transform(({ id, ...p }) => ({ id, ...toPost(p) }));

export const postRefSchema = z.object({ id: postId });

export type CreatePostInput = z.input<typeof createPostSchema>;
