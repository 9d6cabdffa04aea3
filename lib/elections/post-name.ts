import { z } from "zod";

// A post's names by interface locale, English required (prisma: Post.names).
export const postNamesSchema = z.object({ en: z.string().min(1).max(200) }).catchall(z.string().min(1).max(200));
export type PostNames = z.infer<typeof postNamesSchema>;

export function postName(names: unknown, locale: string): string {
  const parsed = postNamesSchema.safeParse(names);
  if (!parsed.success) return "";
  return parsed.data[locale] ?? parsed.data.en;
}
