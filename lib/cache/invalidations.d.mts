// Types of invalidations.mjs.
export const CACHE_CHANNEL: string;
export const MAX_PAYLOAD_BYTES: number;

export type Invalidation = { tags: string[]; swr: boolean; expireSeconds?: number };
export type Message = { from: string; invalidations: Invalidation[] };

export function coalesce(list: Invalidation[]): Invalidation[];
export function encode(from: string, list: Invalidation[]): string[];
export function decode(text: string): Message | null;
