import { z } from "zod";

// data/itu-member-states.csv: iso3,iso2,name_en,itu_region (see its README for sources and
// which regions are inferred). The file has no quoted fields; a row that does not parse
// fails loudly rather than being skipped.
const row = z.object({
  iso3: z.string().regex(/^[A-Z]{3}$/),
  iso2: z.string().regex(/^[A-Z]{2}$/),
  nameEn: z.string().min(2),
  region: z.enum(["A", "B", "C", "D", "E"]),
});
export type MemberStateRow = z.infer<typeof row>;

// Palau acceded on 19 September 2024, after PP-18 (data README): it could not nominate then.
export const ADMISSIONS_AFTER_BASELINE: Record<string, string> = { PLW: "2024-09-19" };

export function parseMemberStates(csv: string): MemberStateRow[] {
  const [header, ...lines] = csv.trim().split(/\r?\n/);
  if (header !== "iso3,iso2,name_en,itu_region") throw new Error(`Unexpected header: ${header}`);
  return lines.map((line, i) => {
    const [iso3, iso2, nameEn, region] = line.split(",");
    const parsed = row.safeParse({ iso3, iso2, nameEn, region });
    if (!parsed.success) throw new Error(`Line ${i + 2} of the Member States file is not valid: ${line}`);
    return parsed.data;
  });
}
