// Issue 4: one small interface in front of the bytes, so local disk and any S3-compatible
// store are interchangeable. Keys are always random stored names (lib/uploads/file-name.ts).

export type StoredObject = { bytes: Buffer; contentType: string };

export interface Storage {
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<StoredObject | null>;
  delete(key: string): Promise<void>;
}

export const STORAGE_KEY = /^[a-f0-9]{32}\.[a-z0-9]{2,5}$/;

/** Refuses any key that is not a stored name: nothing else ever reaches a path or a URL. */
export function assertStorageKey(key: string): void {
  if (!STORAGE_KEY.test(key)) throw new Error("Invalid storage key");
}
