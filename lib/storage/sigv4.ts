import { createHash, createHmac } from "node:crypto";

// AWS Signature Version 4, the part an S3 PUT/GET/DELETE of one object needs, with
// node:crypto only (no SDK). Also used by the tests' stand-in server to check signatures.

export type Credentials = { accessKeyId: string; secretAccessKey: string; region: string; service?: string };

export const sha256Hex = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();

/** RFC 3986 encoding of each path segment, as S3 expects in the canonical URI. */
export const encodePath = (pathname: string) =>
  pathname
    .split("/")
    .map((s) => encodeURIComponent(decodeURIComponent(s)).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join("/");

export type SignInput = {
  method: string;
  pathname: string;
  query?: string;
  /** Lower-case names; must include host and x-amz-date. */
  headers: Record<string, string>;
  payloadHash: string;
  amzDate: string;
};

export function signature(credentials: Credentials, input: SignInput): { signature: string; signedHeaders: string; scope: string } {
  const names = Object.keys(input.headers)
    .map((h) => h.toLowerCase())
    .sort();
  const lower = Object.fromEntries(Object.entries(input.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const canonicalHeaders = names.map((n) => `${n}:${(lower[n] ?? "").trim().replace(/\s+/g, " ")}\n`).join("");
  const signedHeaders = names.join(";");
  const canonicalRequest = [input.method, encodePath(input.pathname), input.query ?? "", canonicalHeaders, signedHeaders, input.payloadHash].join("\n");
  const day = input.amzDate.slice(0, 8);
  const service = credentials.service ?? "s3";
  const scope = `${day}/${credentials.region}/${service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", input.amzDate, scope, sha256Hex(canonicalRequest)].join("\n");
  const key = hmac(hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, day), credentials.region), service), "aws4_request");
  return { signature: createHmac("sha256", key).update(stringToSign).digest("hex"), signedHeaders, scope };
}

export function authorizationHeader(credentials: Credentials, input: SignInput): string {
  const { signature: sig, signedHeaders, scope } = signature(credentials, input);
  return `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${sig}`;
}

/** 20150830T123600Z */
export const amzDateOf = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
