// Types of shared-tags.mjs.
import type { Invalidation } from "./invalidations.mjs";
import type { TagState, TagStore } from "./tag-store.mjs";

export const GAP_TAG: string;

export class SharedTagStore implements TagStore {
  constructor(options: { publish: (invalidation: Invalidation) => Promise<void> | void; now: () => number });
  invalidate(tags: string[], at: number, expireSeconds?: number, swr?: boolean): Promise<void>;
  receive(invalidation: Invalidation): Promise<void>;
  listening(): void;
  read(tags: string[]): Promise<Map<string, TagState>>;
}
