import { applyMuxEvent } from "@/lib/materials/mux-events";
import { muxConfig } from "@/lib/mux/config";
import { verifyMuxSignature } from "@/lib/mux/webhook";

export const dynamic = "force-dynamic";

// Mux's webhook (docs/decisions/008-video.md): every request must carry a valid, recent `mux-signature` of its
// raw body; anything else is refused with 401 and changes nothing. A verified event is
// answered 200 even when it is ignored (an event type not used here, an upload since
// replaced), or Mux would send it again for a day.

const MAX_BODY = 1024 * 1024;

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" } });

export async function POST(request: Request) {
  const config = muxConfig();
  if (!config) return plain(404, "Not found.");
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY) return plain(413, "Too large.");
  // The signature covers the bytes as sent: they are checked before any decoding.
  const raw = Buffer.from(await request.arrayBuffer());
  if (raw.length > MAX_BODY) return plain(413, "Too large.");
  const check = verifyMuxSignature(raw, request.headers.get("mux-signature"), config.webhookSecret);
  if (!check.ok) return plain(401, `Signature refused (${check.reason}).`);
  let payload: unknown;
  try {
    payload = JSON.parse(raw.toString("utf8"));
  } catch {
    return plain(400, "Not JSON.");
  }
  const outcome = await applyMuxEvent(payload);
  return Response.json({ received: true, outcome }, { headers: { "Cache-Control": "no-store" } });
}
