import "server-only";
import { pipeline, type Readable } from "node:stream";
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { s3Client } from "./s3-client";
import type { S3Config } from "@/lib/config/s3-config";
import { assertStorageKey, byteLimit, StorageLimitError, toNodeReadable, type Storage } from "./storage";

export type { S3Config } from "@/lib/config/s3-config";

/** Each part of a multipart upload: S3's minimum is 5 MiB; two are in flight, so an upload holds about 16 MiB at most. */
export const S3_PART_BYTES = 8 * 1024 * 1024;
const PARTS_IN_FLIGHT = 2;

const isMissing = (error: unknown) =>
  typeof error === "object" &&
  error !== null &&
  "$metadata" in error &&
  (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404;

/** `bytes 0-99/1234` → 1234. */
const totalOf = (contentRange: string | undefined) => {
  const match = contentRange ? /\/(\d+)$/.exec(contentRange) : null;
  return match ? Number(match[1]) : null;
};

/**
 * Any S3-compatible store (AWS, MinIO, R2, Ceph…) through the AWS SDK (docs/decisions/033-object-storage.md).
 * Objects are private; reads always go through app/api/files, which checks access.
 */
export function s3Storage(config: S3Config, client: S3Client = s3Client(config)): Storage {
  const Bucket = config.bucket;
  return {
    async put(key, bytes, contentType) {
      assertStorageKey(key);
      await client.send(new PutObjectCommand({ Bucket, Key: key, Body: bytes, ContentType: contentType, ContentLength: bytes.length }));
    },
    async putStream(key, source, contentType, maxBytes) {
      assertStorageKey(key);
      // Streamed in parts of S3_PART_BYTES (one PUT when smaller), counted on the way: past
      // maxBytes the stream fails, the upload is aborted and its parts removed.
      const limit = byteLimit(maxBytes);
      const sender = toNodeReadable(source) as Readable;
      const body = pipeline(sender, limit, () => undefined);
      const upload = new Upload({
        client,
        params: { Bucket, Key: key, Body: body, ContentType: contentType },
        partSize: S3_PART_BYTES,
        queueSize: PARTS_IN_FLIGHT,
        leavePartsOnError: false,
      });
      try {
        await upload.done();
      } catch (error) {
        // The store failed mid-way: nothing more is read from the sender.
        sender.destroy();
        body.destroy();
        // The SDK may report the stream's failure in its own words: the limit is ours to name.
        if (limit.count > maxBytes) throw new StorageLimitError(maxBytes);
        throw error;
      }
      return { size: limit.count };
    },
    async get(key) {
      assertStorageKey(key);
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket, Key: key }));
        if (!answer.Body) throw new Error("S3 GET failed: no body in the answer");
        return { bytes: Buffer.from(await answer.Body.transformToByteArray()), contentType: answer.ContentType ?? "application/octet-stream" };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async open(key, range) {
      assertStorageKey(key);
      let answer;
      try {
        answer = await client.send(new GetObjectCommand({ Bucket, Key: key, Range: range ? `bytes=${range.start}-${range.end}` : undefined }));
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
      const size = range ? totalOf(answer.ContentRange) : (answer.ContentLength ?? null);
      if (!answer.Body || size === null || !Number.isFinite(size)) {
        await answer.Body?.transformToWebStream().cancel();
        throw new Error("S3 GET failed: no object size in the answer");
      }
      return { stream: answer.Body.transformToWebStream(), size, contentType: answer.ContentType ?? "application/octet-stream" };
    },
    async stat(key) {
      assertStorageKey(key);
      try {
        const answer = await client.send(new HeadObjectCommand({ Bucket, Key: key }));
        return { size: answer.ContentLength ?? 0, contentType: answer.ContentType ?? "application/octet-stream" };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async delete(key) {
      assertStorageKey(key);
      try {
        await client.send(new DeleteObjectCommand({ Bucket, Key: key }));
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    },
    async presignUpload(key, size, expiresInSeconds) {
      assertStorageKey(key);
      // The length is signed: the store refuses a body of any other size.
      const command = new PutObjectCommand({ Bucket, Key: key, ContentLength: size, ContentType: "application/octet-stream" });
      const url = await getSignedUrl(client, command, { expiresIn: expiresInSeconds, signableHeaders: new Set(["content-length", "content-type"]) });
      return { url, method: "PUT", headers: { "content-type": "application/octet-stream" }, expiresAt: new Date(Date.now() + expiresInSeconds * 1000) };
    },
  };
}
