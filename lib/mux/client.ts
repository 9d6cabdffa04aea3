import "server-only";
import { muxConfig, type MuxConfig } from "./config";

// The one call this portal makes to Mux's API: create a direct upload
// (https://www.mux.com/docs/api-reference/video/direct-uploads). The browser then PUTs the
// file to the returned URL itself; the asset's progress arrives by webhook (./webhook.ts).

export type DirectUpload = { id: string; url: string };

export class MuxApiError extends Error {
  readonly status: number;
  constructor(status: number, detail: string) {
    super(`Mux API answered ${status}: ${detail.slice(0, 200)}`);
    this.name = "MuxApiError";
    this.status = status;
  }
}

/**
 * A direct upload whose asset will be public and carry `passthrough` (here, the material's
 * id), accepting a browser upload from `corsOrigin` only.
 */
export async function createDirectUpload(
  { corsOrigin, passthrough }: { corsOrigin: string; passthrough: string },
  config: MuxConfig | null = muxConfig(),
): Promise<DirectUpload> {
  if (!config) throw new Error("Mux is not configured");
  const url = new URL("/video/v1/uploads", config.apiUrl);
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: {
        authorization: `Basic ${Buffer.from(`${config.tokenId}:${config.tokenSecret}`).toString("base64")}`,
        "content-type": "application/json",
        accept: "application/json",
      },
      // `playback_policies` is the current name (`playback_policy` is deprecated).
      body: JSON.stringify({ cors_origin: corsOrigin, new_asset_settings: { playback_policies: ["public"], passthrough } }),
      cache: "no-store",
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    throw new MuxApiError(0, error instanceof Error ? error.message : String(error));
  }
  const text = await response.text();
  if (!response.ok) throw new MuxApiError(response.status, text);
  let data: unknown;
  try {
    data = (JSON.parse(text) as { data?: unknown }).data;
  } catch {
    throw new MuxApiError(response.status, "not JSON");
  }
  const upload = data as { id?: unknown; url?: unknown } | undefined;
  if (typeof upload?.id !== "string" || typeof upload.url !== "string" || !/^https?:\/\//.test(upload.url)) {
    throw new MuxApiError(response.status, "no upload id or URL in the answer");
  }
  return { id: upload.id, url: upload.url };
}
