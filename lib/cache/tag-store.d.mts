// Types of tag-store.mjs: the tag interface a shared store implements too.
export type TagState = { stale?: number; expired?: number };

export interface TagStore {
  invalidate(tags: string[], at: number, expireSeconds?: number, swr?: boolean): Promise<void>;
  read(tags: string[]): Promise<Map<string, TagState>>;
}

export class MemoryTagStore implements TagStore {
  invalidate(tags: string[], at: number, expireSeconds?: number, swr?: boolean): Promise<void>;
  read(tags: string[]): Promise<Map<string, TagState>>;
}

export function judgeByTags(states: Map<string, TagState>, stamp: number, now: number): "expired" | "stale" | "fresh";
