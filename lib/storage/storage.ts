import { Readable, Transform, type TransformCallback } from "node:stream";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";

// One small interface in front of the bytes, so local disk and any S3-compatible
// store are interchangeable. Keys are always random stored names (lib/uploads/file-name.ts).
// Small files (photos, PDFs) go through put/get; videos (up to 1 GB) through putStream/open,
// which never hold a whole file in memory.

export type StoredObject = { bytes: Buffer; contentType: string };

/** An inclusive byte range, as in HTTP (`bytes=start-end`); the caller keeps it within the object. */
export type StorageRange = { start: number; end: number };

/** `size` is always the whole object's size, also when only a range is streamed. */
export type OpenedObject = { stream: ReadableStream<Uint8Array>; size: number; contentType: string };

export type ObjectInfo = { size: number; contentType: string };

export type ByteSource = ReadableStream<Uint8Array> | NodeJS.ReadableStream;

export interface Storage {
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<StoredObject | null>;
  /**
   * Stores a stream of unknown length. More than `maxBytes` aborts the write with
   * StorageLimitError and leaves nothing behind; so does any error of the source.
   */
  putStream(key: string, stream: ByteSource, contentType: string, maxBytes: number): Promise<{ size: number }>;
  /** The object (or one range of it) as a stream, or null when there is no such object. */
  open(key: string, range?: StorageRange): Promise<OpenedObject | null>;
  stat(key: string): Promise<ObjectInfo | null>;
  delete(key: string): Promise<void>;
  /**
   * Only a store the browser can reach (S3): an address that takes one PUT of exactly `size`
   * bytes under `key` until it expires, so a large file goes to the store without passing
   * through this server (docs/decisions/033-object-storage.md). Local disk has none.
   */
  presignUpload?(key: string, size: number, expiresInSeconds: number): Promise<DirectUpload>;
}

/** Where and how the browser sends the file: `method` to `url` with `headers`, the file as the body. */
export type DirectUpload = { url: string; method: "PUT"; headers: Record<string, string>; expiresAt: Date };

export const STORAGE_KEY = /^[a-f0-9]{32}\.[a-z0-9]{2,5}$/;

/** Refuses any key that is not a stored name: nothing else ever reaches a path or a URL. */
export function assertStorageKey(key: string): void {
  if (!STORAGE_KEY.test(key)) throw new Error("Invalid storage key");
}

/** More bytes arrived than putStream was allowed to keep. */
export class StorageLimitError extends Error {
  readonly maxBytes: number;
  constructor(maxBytes: number) {
    super(`More than ${maxBytes} bytes`);
    this.name = "StorageLimitError";
    this.maxBytes = maxBytes;
  }
}

/** Either kind of stream, as a Node stream (Node's web streams are what fetch and Request give). */
export function toNodeReadable(source: ByteSource): NodeJS.ReadableStream {
  return "getReader" in source ? Readable.fromWeb(source as NodeWebReadableStream<Uint8Array>) : source;
}

/** A Node stream as the web stream a Response takes. */
export function toWebStream(source: Readable): ReadableStream<Uint8Array> {
  return Readable.toWeb(source) as unknown as ReadableStream<Uint8Array>;
}

/** Counts what passes through and fails with StorageLimitError past `maxBytes`. */
export function byteLimit(maxBytes: number): Transform & { readonly count: number } {
  let count = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
      count += chunk.length;
      if (count > maxBytes) callback(new StorageLimitError(maxBytes));
      else callback(null, chunk);
    },
  });
  return Object.defineProperty(limit, "count", { get: () => count }) as Transform & { readonly count: number };
}

export function rangeLength(range: StorageRange | undefined, size: number): number {
  return range ? range.end - range.start + 1 : size;
}
