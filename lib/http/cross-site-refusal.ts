import ar from "@/lib/i18n/messages/ar/sameOrigin.json";
import en from "@/lib/i18n/messages/en/sameOrigin.json";
import es from "@/lib/i18n/messages/es/sameOrigin.json";
import fr from "@/lib/i18n/messages/fr/sameOrigin.json";
import ru from "@/lib/i18n/messages/ru/sameOrigin.json";
import zh from "@/lib/i18n/messages/zh/sameOrigin.json";
import { isLocale, routing } from "@/lib/i18n/routing";

// The 403 for a change that did not come from a page of this site
// (docs/decisions/027-same-origin-and-members-only-stream.md), in the asker's language. Its
// six sentences are imported here, not loaded by name, so that proxy.ts carries only them.

const CROSS_SITE = { ar, en, es, fr, ru, zh } as const;

export function crossSiteMessage(locale: string | null | undefined): string {
  return CROSS_SITE[locale && isLocale(locale) ? locale : routing.defaultLocale].crossSite;
}

/** A page's form (text) or an API route (JSON `{ error }`); never cached. */
export function crossSiteRefusal(locale: string | null | undefined, as: "text" | "json"): Response {
  const message = crossSiteMessage(locale);
  if (as === "json") return Response.json({ error: message }, { status: 403, headers: { "Cache-Control": "no-store" } });
  return new Response(message, {
    status: 403,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}
