// Types of file-system-store.mjs: the storage interface a shared store implements too.
export type StoredEntry = { value: unknown; stamp: number; cacheControl?: unknown };

export interface EntryStore {
  get(key: string, ctx: object): Promise<StoredEntry | null>;
  set(key: string, entry: StoredEntry, ctx: object): Promise<void>;
}

export class FileSystemStore implements EntryStore {
  constructor(ctx: object);
  get(key: string, ctx: object): Promise<StoredEntry | null>;
  set(key: string, entry: StoredEntry, ctx: object): Promise<void>;
}
