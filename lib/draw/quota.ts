// The question quota of a hearing and the walk that applies it to a drawn permutation
// (docs/fairness.md#quota-draws, docs/draw-specification.md §15). Pure and free of the server:
// the draw, the verify page, the console's preview and anyone's own copy compute the same.

/** The sources of a question, in the order the message lists them (docs/fairness.md#question-sources). */
export const QUOTA_SOURCES = ["MEMBER_STATE", "SECTOR_MEMBER", "PUBLIC", "PRESS"] as const;
export type QuotaSource = (typeof QUOTA_SOURCES)[number];
/** The regions A–E of the Member States. */
export const QUOTA_REGIONS = ["A", "B", "C", "D", "E"] as const;
export type QuotaRegion = (typeof QUOTA_REGIONS)[number];

/** A source's bounds per candidate: at least `min` (0: none), at most `max` (null: no maximum). */
export type SourceBounds = { min: number; max: number | null };

/** The quota as the secretariat sets it on a hearing (`Hearing.questionQuota`). */
export type QuestionQuota = {
  sources: Record<QuotaSource, SourceBounds>;
  /** At most this many Member States' questions of one region per candidate; null: no such maximum. */
  regionMax: number | null;
};

/** The quota as a draw records it (`Draw.quota`): with the number of places it fills. */
export type DrawQuota = QuestionQuota & { places: number };

/**
 * A question's stratum: its source, and for a Member State's question its region when known
 * (`MEMBER_STATE-A` … `MEMBER_STATE-E`; `MEMBER_STATE` alone when the region was not recorded).
 */
export type Stratum = QuotaSource | `MEMBER_STATE-${QuotaRegion}`;
export const STRATUM_PATTERN = /^(?:MEMBER_STATE(?:-[A-E])?|SECTOR_MEMBER|PUBLIC|PRESS)$/;

/** The largest number a bound may hold: more places than any hearing draws. */
export const QUOTA_BOUND_MAX = 3;

export function stratumOf(kind: QuotaSource, region: QuotaRegion | null | undefined): Stratum {
  return kind === "MEMBER_STATE" && region ? `MEMBER_STATE-${region}` : kind;
}

export function sourceOf(stratum: string): QuotaSource {
  return (stratum.startsWith("MEMBER_STATE") ? "MEMBER_STATE" : stratum) as QuotaSource;
}

export function regionOf(stratum: string): QuotaRegion | null {
  return stratum.startsWith("MEMBER_STATE-") ? (stratum.slice("MEMBER_STATE-".length) as QuotaRegion) : null;
}

const isBound = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0 && (n as number) <= QUOTA_BOUND_MAX;

/** A quota that bounds nothing is no quota: the hearing draws as without one (hustings-draw-v2). */
export function isEmptyQuota(q: QuestionQuota): boolean {
  return q.regionMax === null && QUOTA_SOURCES.every((s) => q.sources[s].min === 0 && q.sources[s].max === null);
}

/** The problems of a quota for `places` drawn questions, as message keys of the questionQuota namespace. */
export function quotaProblems(q: QuestionQuota, places: number): { field: string; key: string }[] {
  const problems: { field: string; key: string }[] = [];
  let mins = 0;
  for (const s of QUOTA_SOURCES) {
    const { min, max } = q.sources[s];
    if (!isBound(min)) problems.push({ field: `min-${s}`, key: "wholeNumber" });
    if (max !== null && !isBound(max)) problems.push({ field: `max-${s}`, key: "wholeNumber" });
    if (isBound(min) && max !== null && isBound(max) && min > max) problems.push({ field: `min-${s}`, key: "minAboveMax" });
    if (isBound(min)) mins += min;
  }
  if (q.regionMax !== null && (!isBound(q.regionMax) || q.regionMax < 1)) problems.push({ field: "regionMax", key: "regionMaxRange" });
  if (mins > places) problems.push({ field: "min-MEMBER_STATE", key: "minsAbovePlaces" });
  return problems;
}

/** Reads a stored or published quota; null when it is not one (the caller decides what that means). */
export function parseQuota(value: unknown, withPlaces: true): DrawQuota | null;
export function parseQuota(value: unknown, withPlaces?: false): QuestionQuota | null;
export function parseQuota(value: unknown, withPlaces = false): QuestionQuota | DrawQuota | null {
  if (typeof value !== "object" || value === null) return null;
  const v = value as Record<string, unknown>;
  const sources = v.sources as Record<string, unknown> | undefined;
  if (typeof sources !== "object" || sources === null) return null;
  const out = {} as Record<QuotaSource, SourceBounds>;
  for (const s of QUOTA_SOURCES) {
    const b = sources[s] as { min?: unknown; max?: unknown } | undefined;
    if (typeof b !== "object" || b === null) return null;
    const min = b.min;
    const max = b.max === undefined ? null : b.max;
    if (!isBound(min) || (max !== null && !isBound(max))) return null;
    out[s] = { min, max: max as number | null };
  }
  const regionMax = v.regionMax === undefined ? null : v.regionMax;
  if (regionMax !== null && !isBound(regionMax)) return null;
  const quota: QuestionQuota = { sources: out, regionMax: regionMax as number | null };
  if (!withPlaces) return quota;
  if (!Number.isInteger(v.places) || (v.places as number) < 0) return null;
  return { ...quota, places: v.places as number };
}

type Counts = { source: Map<QuotaSource, number>; region: Map<QuotaRegion, number> };

function fits(quota: QuestionQuota, counts: Counts, stratum: string): boolean {
  const source = sourceOf(stratum);
  const max = quota.sources[source].max;
  if (max !== null && (counts.source.get(source) ?? 0) >= max) return false;
  const region = regionOf(stratum);
  if (region && quota.regionMax !== null && (counts.region.get(region) ?? 0) >= quota.regionMax) return false;
  return true;
}

function count(counts: Counts, stratum: string) {
  const source = sourceOf(stratum);
  counts.source.set(source, (counts.source.get(source) ?? 0) + 1);
  const region = regionOf(stratum);
  if (region) counts.region.set(region, (counts.region.get(region) ?? 0) + 1);
}

/** Why the walk did what it did at one position of one pass. */
export type WalkMark =
  /** Taken in pass 1: its source's minimum was not yet met. */
  | "minimum"
  /** Taken in pass 2. */
  | "fill"
  /** Pass 1 passes it: its source has no minimum left to meet. */
  | "noMinimum"
  /** Not taken: its source is at its maximum. */
  | "sourceFull"
  /** Not taken: its region is at the per-region maximum. */
  | "regionFull"
  /** Taken in pass 1 already (pass 2 passes it). */
  | "taken"
  /** Not looked at: every place is filled. */
  | "placesFilled";

export type WalkTrace = { id: string; stratum: string; pass1: WalkMark; pass2: WalkMark }[];

/**
 * §15: the questions drawn from the permutation under the quota. Pass 1 walks the
 * permutation and takes each question whose source's minimum is not yet met and which stays
 * within every maximum; pass 2 walks it again and takes, in drawn order, each question not
 * taken that stays within every maximum; each pass stops when `places` are filled. The result
 * lists the taken questions in the permutation's order. A minimum that cannot be met leaves its
 * places to pass 2 (the other sources, within every maximum); with too few questions, fewer are drawn.
 */
export function selectUnderQuota(
  permutation: readonly string[],
  strata: Readonly<Record<string, string>>,
  quota: DrawQuota,
): { result: string[]; trace: WalkTrace } {
  const counts: Counts = { source: new Map(), region: new Map() };
  const taken = new Set<string>();
  const trace: WalkTrace = permutation.map((id) => ({ id, stratum: strata[id] ?? "", pass1: "placesFilled", pass2: "placesFilled" }));
  const take = (row: WalkTrace[number]) => {
    taken.add(row.id);
    count(counts, row.stratum);
  };
  for (const row of trace) {
    if (taken.size >= quota.places) break;
    const source = sourceOf(row.stratum);
    if ((counts.source.get(source) ?? 0) >= quota.sources[source].min) row.pass1 = "noMinimum";
    else if (!fits(quota, counts, row.stratum)) row.pass1 = fullMark(quota, counts, row.stratum);
    else {
      row.pass1 = "minimum";
      take(row);
    }
  }
  for (const row of trace) {
    if (taken.has(row.id)) row.pass2 = "taken";
    else if (taken.size >= quota.places) continue;
    else if (!fits(quota, counts, row.stratum)) row.pass2 = fullMark(quota, counts, row.stratum);
    else {
      row.pass2 = "fill";
      take(row);
    }
  }
  return { result: permutation.filter((id) => taken.has(id)), trace };
}

function fullMark(quota: QuestionQuota, counts: Counts, stratum: string): WalkMark {
  const source = sourceOf(stratum);
  const max = quota.sources[source].max;
  return max !== null && (counts.source.get(source) ?? 0) >= max ? "sourceFull" : "regionFull";
}

/** How many of a source's questions can be drawn at most, given every maximum: its capacity. */
function capacityOf(source: QuotaSource, strata: readonly string[], quota: QuestionQuota): number {
  const mine = strata.filter((s) => sourceOf(s) === source);
  let open = mine.length;
  if (source === "MEMBER_STATE" && quota.regionMax !== null) {
    const perRegion = new Map<string, number>();
    for (const s of mine) perRegion.set(s, (perRegion.get(s) ?? 0) + 1);
    open = 0;
    for (const [s, n] of perRegion) open += regionOf(s) ? Math.min(n, quota.regionMax) : n;
  }
  const max = quota.sources[source].max;
  return max === null ? open : Math.min(open, max);
}

/**
 * How many questions the walk draws: the places, or fewer when every maximum and the eligible
 * questions allow fewer. It does not depend on the permutation (every way of filling the places
 * within the maxima reaches the same number), so it is checked before the seed is revealed.
 */
export function quotaCount(strata: readonly string[], quota: DrawQuota): number {
  return Math.min(
    quota.places,
    QUOTA_SOURCES.reduce((sum, s) => sum + capacityOf(s, strata, quota), 0),
  );
}

export type QuotaPreviewRow = {
  source: QuotaSource;
  approved: number;
  min: number;
  max: number | null;
  /** At most this many can be drawn, given the approved questions and every maximum. */
  capacity: number;
  /** The minimum cannot be met: by how many places it falls short. */
  short: number;
};

export type QuotaPreview = {
  places: number;
  rows: QuotaPreviewRow[];
  regionMax: number | null;
  /** Approved Member States' questions per region (those without a region apart). */
  regions: { region: QuotaRegion | null; approved: number }[];
  /** How many the draw will take. */
  willDraw: number;
};

/** What the chair sees before drawing: the approved questions per stratum against the quota. */
export function quotaPreview(strata: readonly string[], quota: DrawQuota): QuotaPreview {
  const rows = QUOTA_SOURCES.map((source) => {
    const { min, max } = quota.sources[source];
    const capacity = capacityOf(source, strata, quota);
    return { source, approved: strata.filter((s) => sourceOf(s) === source).length, min, max, capacity, short: Math.max(0, min - capacity) };
  });
  const regions = [...QUOTA_REGIONS, null].map((region) => ({
    region,
    approved: strata.filter((s) => sourceOf(s) === "MEMBER_STATE" && regionOf(s) === region).length,
  }));
  return { places: quota.places, rows, regionMax: quota.regionMax, regions: regions.filter((r) => r.approved > 0), willDraw: quotaCount(strata, quota) };
}
