import "server-only";
import { amzDateOf, authorizationHeader, sha256Hex, type Credentials } from "./sigv4";
import { assertStorageKey, type Storage } from "./storage";

export type S3Config = Credentials & { endpoint: string; bucket: string };

/**
 * Any S3-compatible store (AWS, MinIO, R2, Ceph…), path-style addressing, signed with SigV4.
 * Objects are private; reads always go through app/api/files, which checks access.
 */
export function s3Storage(config: S3Config, now: () => Date = () => new Date()): Storage {
  const base = new URL(config.endpoint);
  async function send(method: "PUT" | "GET" | "DELETE", key: string, body?: Buffer, contentType?: string) {
    assertStorageKey(key);
    const url = new URL(`${base.pathname.replace(/\/$/, "")}/${config.bucket}/${key}`, base);
    const payloadHash = sha256Hex(body ?? "");
    const amzDate = amzDateOf(now());
    const headers: Record<string, string> = { "x-amz-date": amzDate, "x-amz-content-sha256": payloadHash };
    if (contentType) headers["content-type"] = contentType;
    // fetch sets Host itself; it is signed all the same.
    const authorization = authorizationHeader(config, { method, pathname: url.pathname, headers: { ...headers, host: url.host }, payloadHash, amzDate });
    return fetch(url, { method, headers: { ...headers, authorization }, body: body ? new Uint8Array(body) : undefined, cache: "no-store" });
  }
  const fail = async (what: string, response: Response) => {
    throw new Error(`S3 ${what} failed: ${response.status} ${(await response.text()).slice(0, 200)}`);
  };
  return {
    async put(key, bytes, contentType) {
      const response = await send("PUT", key, bytes, contentType);
      if (!response.ok) await fail("PUT", response);
    },
    async get(key) {
      const response = await send("GET", key);
      if (response.status === 404) return null;
      if (!response.ok) await fail("GET", response);
      return { bytes: Buffer.from(await response.arrayBuffer()), contentType: response.headers.get("content-type") ?? "application/octet-stream" };
    },
    async delete(key) {
      const response = await send("DELETE", key);
      if (!response.ok && response.status !== 404) await fail("DELETE", response);
    },
  };
}
