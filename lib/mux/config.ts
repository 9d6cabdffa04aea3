import "server-only";
import { env } from "@/lib/env";

// Videos go to Mux when its credentials are configured; otherwise they are stored
// here (MP4/WebM) or played from an external address.

export type MuxConfig = { tokenId: string; tokenSecret: string; webhookSecret: string; apiUrl: string };

/** Mux's settings when all three secrets are set, null otherwise (read from lib/env.ts). */
export function muxConfig(): MuxConfig | null {
  const e = env();
  if (!e.MUX_TOKEN_ID || !e.MUX_TOKEN_SECRET || !e.MUX_WEBHOOK_SECRET) return null;
  return { tokenId: e.MUX_TOKEN_ID, tokenSecret: e.MUX_TOKEN_SECRET, webhookSecret: e.MUX_WEBHOOK_SECRET, apiUrl: e.MUX_API_URL };
}

export function muxEnabled(): boolean {
  return muxConfig() !== null;
}
