import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { signMuxPayload } from "@/lib/mux/webhook";

// docs/conventions.md#console-errors-and-stand-ins: Mux is exercised against a local stand-in that speaks the part of its API the
// portal uses (https://www.mux.com/docs/api-reference/video/direct-uploads):
//   POST /video/v1/uploads   Basic auth (token id:secret) → 201 { data: { id, url, status: "waiting", … } }
//   PUT  /upload/<id>        the file (the `url` above; CORS for the upload's cors_origin)
// and, once a file has arrived, the webhooks Mux would send, signed as Mux signs them
// (mux-signature: t=…,v1=…): video.upload.asset_created, then video.asset.ready, or
// video.asset.errored when the bytes are not a video. They are delivered to a URL or handed
// to a callback (e.g. the route handler's POST), automatically after the PUT or on demand.

export type StandInUpload = {
  id: string;
  url: string;
  corsOrigin: string | undefined;
  passthrough: string | undefined;
  /** The JSON body of the create request, as sent. */
  request: Record<string, unknown>;
  status: "waiting" | "asset_created";
  bytes: Buffer | null;
  assetId: string;
  playbackId: string;
};

export type WebhookTarget = string | ((request: Request) => Promise<Response>);

export type MuxEventBody = {
  type: string;
  id: string;
  created_at: string;
  object: { type: string; id: string };
  environment: { name: string; id: string };
  data: Record<string, unknown>;
};

export type MuxStandIn = {
  /** For MUX_API_URL. */
  apiUrl: string;
  uploads: Map<string, StandInUpload>;
  /** Every create request refused for its credentials. */
  unauthorised: number;
  /** The events Mux would send for an upload, in order, once its file has arrived. */
  eventsFor(uploadId: string): MuxEventBody[];
  /** A webhook request for `event`, signed now (or at `at`) with the webhook secret (or `secret`). */
  webhookRequest(event: MuxEventBody, options?: { url?: string; at?: Date; secret?: string; header?: string | null }): Request;
  /** Sends `event` to `target` and answers its response. */
  deliver(event: MuxEventBody, target: WebhookTarget, options?: { at?: Date; secret?: string }): Promise<Response>;
  /** Waits for the automatic deliveries started so far. */
  idle(): Promise<void>;
  /** Where the webhooks go after each PUT from now on (null: nowhere, built on demand only). */
  setWebhook(target: WebhookTarget | null): void;
  /** Makes the next create requests fail with this status (e.g. 503), or succeed again with null. */
  failCreatesWith(status: number | null): void;
  close(): Promise<void>;
};

export type MuxStandInOptions = {
  tokenId: string;
  tokenSecret: string;
  webhookSecret: string;
  /** Where the webhooks go after each upload's PUT; without it they are only built on demand. */
  webhook?: WebhookTarget;
};

const id = (length = 32) => randomBytes(length).toString("base64url").replace(/[-_]/g, "").slice(0, length);

/** Mux turns a real video into an asset and fails on anything else; MP4 and WebM stand for "real" here. */
const looksLikeVideo = (bytes: Buffer) =>
  (bytes.length > 12 && bytes.subarray(4, 8).toString("latin1") === "ftyp") || (bytes.length > 4 && bytes.readUInt32BE(0) === 0x1a45dfa3);

async function bodyOf(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

function json(response: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}) {
  response.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(value));
}

export async function startMuxStandIn(options: MuxStandInOptions): Promise<MuxStandIn> {
  const uploads = new Map<string, StandInUpload>();
  const pending: Promise<unknown>[] = [];
  let failStatus: number | null = null;
  let webhook: WebhookTarget | null = options.webhook ?? null;
  let apiUrl = "";
  const state = { unauthorised: 0 };

  const event = (type: string, object: { type: string; id: string }, data: Record<string, unknown>): MuxEventBody => ({
    type,
    id: randomUUID(),
    created_at: new Date().toISOString(),
    object,
    environment: { name: "Stand-in", id: "stand-in" },
    data,
  });

  function eventsFor(uploadId: string): MuxEventBody[] {
    const upload = uploads.get(uploadId);
    if (!upload?.bytes) throw new Error(`No file has been uploaded to ${uploadId}`);
    const settings = (upload.request.new_asset_settings ?? {}) as Record<string, unknown>;
    const created = event(
      "video.upload.asset_created",
      { type: "upload", id: upload.id },
      {
        id: upload.id,
        status: "asset_created",
        asset_id: upload.assetId,
        cors_origin: upload.corsOrigin,
        new_asset_settings: settings,
        timeout: 3600,
      },
    );
    const asset = { id: upload.assetId, upload_id: upload.id, passthrough: upload.passthrough, created_at: String(Math.floor(Date.now() / 1000)) };
    const outcome = looksLikeVideo(upload.bytes)
      ? event(
          "video.asset.ready",
          { type: "asset", id: upload.assetId },
          {
            ...asset,
            status: "ready",
            duration: 1,
            aspect_ratio: "16:9",
            playback_ids: [{ id: upload.playbackId, policy: "public" }],
            tracks: [{ type: "video", max_width: 160, max_height: 90 }, { type: "audio" }],
          },
        )
      : event(
          "video.asset.errored",
          { type: "asset", id: upload.assetId },
          {
            ...asset,
            status: "errored",
            errors: { type: "invalid_input", messages: ["The input file could not be read as a video."] },
          },
        );
    return [created, outcome];
  }

  function webhookRequest(
    body: MuxEventBody,
    {
      url = "http://localhost/api/webhooks/mux",
      at = new Date(),
      secret = options.webhookSecret,
      header,
    }: { url?: string; at?: Date; secret?: string; header?: string | null } = {},
  ) {
    const raw = JSON.stringify(body);
    const signature = header === undefined ? signMuxPayload(raw, secret, at) : header;
    return new Request(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(signature === null ? {} : { "mux-signature": signature }) },
      body: raw,
    });
  }

  async function deliver(body: MuxEventBody, target: WebhookTarget, { at, secret }: { at?: Date; secret?: string } = {}) {
    if (typeof target === "string") return fetch(webhookRequest(body, { url: target, at, secret }));
    return target(webhookRequest(body, { at, secret }));
  }

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://stand-in");
    try {
      if (request.method === "POST" && url.pathname === "/video/v1/uploads") {
        const expected = `Basic ${Buffer.from(`${options.tokenId}:${options.tokenSecret}`).toString("base64")}`;
        if (request.headers.authorization !== expected) {
          state.unauthorised += 1;
          json(response, 401, { error: { type: "unauthorized", messages: ["Unauthorized request"] } });
          return;
        }
        if (failStatus) {
          json(response, failStatus, { error: { type: "service_unavailable", messages: ["Try again later"] } });
          return;
        }
        const body = JSON.parse((await bodyOf(request)).toString("utf8") || "{}") as Record<string, unknown>;
        const settings = (body.new_asset_settings ?? {}) as { passthrough?: string };
        const uploadId = id(40);
        const upload: StandInUpload = {
          id: uploadId,
          url: `${apiUrl}/upload/${uploadId}`,
          corsOrigin: typeof body.cors_origin === "string" ? body.cors_origin : undefined,
          passthrough: settings.passthrough,
          request: body,
          status: "waiting",
          bytes: null,
          assetId: id(40),
          playbackId: id(40),
        };
        uploads.set(uploadId, upload);
        json(response, 201, {
          data: {
            id: upload.id,
            url: upload.url,
            status: upload.status,
            timeout: 3600,
            cors_origin: upload.corsOrigin,
            new_asset_settings: body.new_asset_settings,
          },
        });
        return;
      }
      const uploadMatch = /^\/upload\/([A-Za-z0-9]+)$/.exec(url.pathname);
      const upload = uploadMatch ? uploads.get(uploadMatch[1] ?? "") : undefined;
      if (upload) {
        const cors: Record<string, string> =
          request.headers.origin && request.headers.origin === upload.corsOrigin ? { "access-control-allow-origin": upload.corsOrigin } : {};
        if (request.method === "OPTIONS") {
          response
            .writeHead(204, {
              ...cors,
              "access-control-allow-methods": "PUT",
              "access-control-allow-headers": "content-type, content-range",
              "access-control-max-age": "600",
            })
            .end();
          return;
        }
        if (request.method === "PUT") {
          if (upload.status !== "waiting") {
            json(response, 409, { error: { type: "invalid_state", messages: ["This upload has already been used"] } }, cors);
            return;
          }
          upload.bytes = await bodyOf(request);
          upload.status = "asset_created";
          response.writeHead(200, cors).end();
          const target = webhook;
          if (target) {
            pending.push(
              (async () => {
                for (const e of eventsFor(upload.id)) await deliver(e, target);
              })(),
            );
          }
          return;
        }
      }
      json(response, 404, { error: { type: "not_found", messages: ["Not found"] } });
    } catch (error) {
      json(response, 500, { error: { type: "stand_in", messages: [String(error)] } });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl,
    uploads,
    get unauthorised() {
      return state.unauthorised;
    },
    eventsFor,
    webhookRequest,
    deliver,
    async idle() {
      await Promise.all(pending);
    },
    setWebhook(target) {
      webhook = target;
    },
    failCreatesWith(status) {
      failStatus = status;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
