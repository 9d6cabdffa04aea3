import { S3Client } from "@aws-sdk/client-s3";
import { NodeHttpHandler } from "@smithy/node-http-handler";
import type { S3Config } from "@/lib/config/s3-config";

// The one client the app (lib/storage/s3.ts) and the demo loader (prisma/demo/content.ts)
// talk to the store with (docs/decisions/033-object-storage.md). No "server-only": the demo
// loader runs in plain Node.

/** Connecting may take this long, a request until its answer starts this long, a socket stay idle this long. */
export const S3_TIMEOUTS = { connectionMs: 5_000, requestMs: 60_000, idleMs: 120_000 } as const;
/** Each request is tried at most this many times (the SDK's standard retry mode, with backoff). */
export const S3_MAX_ATTEMPTS = 3;

/**
 * The SDK's client for the store: retries in standard mode, timeouts on connecting, on each
 * request and on an idle socket, and checksums only where S3 requires them (the default
 * CRC32 trailers and response checks are refused or unknown to several S3-compatible stores).
 */
export function s3Client(config: S3Config): S3Client {
  return new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle,
    credentials: config.credentials,
    retryMode: "standard",
    maxAttempts: S3_MAX_ATTEMPTS,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    requestHandler: new NodeHttpHandler({
      connectionTimeout: S3_TIMEOUTS.connectionMs,
      requestTimeout: S3_TIMEOUTS.requestMs,
      throwOnRequestTimeout: true,
      socketTimeout: S3_TIMEOUTS.idleMs,
    }),
  });
}
