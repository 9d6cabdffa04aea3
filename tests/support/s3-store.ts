import { mkdtemp, readdir, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import type { S3Config } from "@/lib/config/s3-config";

// A local S3-compatible store for the tests (docs/decisions/033-object-storage.md): s3rver,
// on a free port, keeping its objects in a temporary folder, checking every signature against
// its fixed credentials. It has no AbortMultipartUpload: this wrapper answers that one itself,
// removing the upload's parts as S3 does, and notes every request so a test can say what was sent.

export const S3RVER_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } as const;

export type LocalS3 = {
  endpoint: string;
  bucket: string;
  config: S3Config;
  /** `METHOD /bucket/key?query` of every request, in order. */
  requests: string[];
  /** The keys of the bucket's objects, sorted. */
  keys(): Promise<string[]>;
  /** Multipart uploads begun and neither completed nor aborted. */
  pendingUploads(): Promise<string[]>;
  close(): Promise<void>;
};

/** A bucket's CORS rule letting pages of `origin` PUT to it, as a browser's direct upload needs (docs/deployment.md). */
export function corsFor(origin: string): string {
  return `<CORSConfiguration><CORSRule><AllowedOrigin>${origin}</AllowedOrigin><AllowedMethod>PUT</AllowedMethod><AllowedHeader>*</AllowedHeader><MaxAgeSeconds>600</MaxAgeSeconds></CORSRule></CORSConfiguration>`;
}

/** `cors`: the bucket's CORS configuration (corsFor), for a browser's direct uploads; none by default. */
export async function startLocalS3(bucket = "hustings", options: { cors?: string } = {}): Promise<LocalS3> {
  const directory = await mkdtemp(path.join(tmpdir(), "hustings-s3rver-"));
  const s3rver = new S3rver({ directory, silent: true, configureBuckets: [{ name: bucket, configs: options.cors ? [options.cors] : [] }] });
  const uploads = path.join(directory, bucket, "._S3rver_uploads");
  const requests: string[] = [];
  // Its own listen() is not used: its app answers behind the wrapper below.
  await s3rver.configureBuckets();
  const handle = s3rver.callback();
  const server: Server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    const url = new URL(request.url ?? "/", "http://x");
    const uploadId = url.searchParams.get("uploadId");
    if (request.method === "DELETE" && uploadId && /^[a-f0-9]+$/.test(uploadId)) {
      void rm(path.join(uploads, uploadId), { recursive: true, force: true }).then(() => response.writeHead(204).end());
      return;
    }
    void handle(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint,
    bucket,
    config: { bucket, region: "us-east-1", endpoint, forcePathStyle: true, credentials: { ...S3RVER_CREDENTIALS } },
    requests,
    async keys() {
      const names = await readdir(path.join(directory, bucket)).catch(() => [] as string[]);
      return names
        .filter((name) => name.endsWith("._S3rver_object"))
        .map((name) => name.slice(0, -"._S3rver_object".length))
        .sort();
    },
    async pendingUploads() {
      return (await readdir(uploads).catch(() => [] as string[])).sort();
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(directory, { recursive: true, force: true });
    },
  };
}
