import "server-only";
import { env } from "@/lib/env";
import { localStorage } from "./local";
import { s3Storage } from "./s3";
import type { Storage } from "./storage";

export type { Storage, StoredObject } from "./storage";

let cached: Storage | undefined;

/** S3 when the five S3_* variables are set, local disk (STORAGE_DIR) otherwise. */
export function storage(): Storage {
  if (cached) return cached;
  const e = env();
  cached =
    e.S3_ENDPOINT && e.S3_BUCKET && e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY && e.S3_REGION
      ? s3Storage({
          endpoint: e.S3_ENDPOINT,
          bucket: e.S3_BUCKET,
          accessKeyId: e.S3_ACCESS_KEY_ID,
          secretAccessKey: e.S3_SECRET_ACCESS_KEY,
          region: e.S3_REGION,
        })
      : localStorage(e.STORAGE_DIR);
  return cached;
}
