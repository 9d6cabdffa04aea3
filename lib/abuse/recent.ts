// What this process accepted lately, kept in memory to refuse cheaply, before any transaction
// or lock, what the database would refuse anyway (docs/decisions/019-database-capacity.md).
// The rows in the database stay the rule that holds across instances; memory only ever knows
// a subset of them, so a refusal it gives is one the database would give too, and a request
// it lets through is still checked there. Bounded: the oldest keys go first.

const DEFAULT_MAX_KEYS = 50_000;

/** Per key, when rows were accepted (newest last), within the longest window asked about. */
export class RecentTimes {
  private readonly times = new Map<string, number[]>();

  constructor(
    private readonly keepMs: number,
    private readonly maxKeys = DEFAULT_MAX_KEYS,
  ) {}

  add(key: string, at: Date) {
    const list = this.live(key, at.getTime()) ?? [];
    list.push(at.getTime());
    // Re-inserted, so that the Map's order is the order of last use.
    this.times.delete(key);
    this.times.set(key, list);
    while (this.times.size > this.maxKeys) this.times.delete(this.times.keys().next().value as string);
  }

  /** The acceptance times of `key` in the `windowMs` before `now`. */
  within(key: string, windowMs: number, now: Date): Date[] {
    const list = this.live(key, now.getTime()) ?? [];
    return list.filter((t) => t > now.getTime() - windowMs && t <= now.getTime()).map((t) => new Date(t));
  }

  private live(key: string, now: number): number[] | undefined {
    const list = this.times.get(key);
    if (!list) return undefined;
    const kept = list.filter((t) => t > now - this.keepMs);
    if (kept.length === 0) this.times.delete(key);
    else this.times.set(key, kept);
    return kept.length === 0 ? undefined : kept;
  }
}

/** Keys seen in the last `keepMs`. */
export class RecentKeys {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly keepMs: number,
    private readonly maxKeys = DEFAULT_MAX_KEYS,
  ) {}

  add(key: string, at: Date) {
    this.seen.delete(key);
    this.seen.set(key, at.getTime());
    while (this.seen.size > this.maxKeys) this.seen.delete(this.seen.keys().next().value as string);
  }

  has(key: string, now: Date): boolean {
    const at = this.seen.get(key);
    if (at === undefined) return false;
    if (at > now.getTime() - this.keepMs) return true;
    this.seen.delete(key);
    return false;
  }
}
