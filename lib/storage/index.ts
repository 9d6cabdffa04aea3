import "server-only";
import { env } from "@/lib/env";
import { localStorage } from "./local";
import { s3Storage } from "./s3";
import { s3ConfigOf } from "@/lib/config/s3-config";
import type { Storage } from "./storage";

export type { Storage, StoredObject } from "./storage";

let cached: Storage | undefined;

/**
 * S3 when S3_BUCKET and S3_REGION are set (lib/config/s3-config.ts), local disk (STORAGE_DIR)
 * when no S3_* variable is; a partial S3 configuration was refused at boot (lib/env.ts).
 */
export function storage(): Storage {
  if (cached) return cached;
  const e = env();
  const s3 = s3ConfigOf(e);
  cached = s3 ? s3Storage(s3) : localStorage(e.STORAGE_DIR);
  return cached;
}
