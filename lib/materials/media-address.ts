import "server-only";
import { getTranslations } from "next-intl/server";
import { env } from "@/lib/env";
import { DomainError } from "@/lib/errors/domain-error";
import { isOwnMediaPath, type VideoPlayback } from "./video-playback";
import { isAllowedMediaAddress, mediaHosts, originOf } from "@/lib/security/media-origins";

// An address someone enters for a video to play from elsewhere — a candidate's external video,
// a hearing's webcast or its recording — must be on one of the origins MEDIA_ORIGINS lists,
// the only ones every page's policy lets the player reach (docs/decisions/028-media-origins.md).
// One saved before the list changed is not played: the page says why instead.

/** The origins entered addresses may point to, from the validated environment. */
export function enteredMediaOrigins(): string[] {
  return env().MEDIA_ORIGINS;
}

/**
 * Refuses `address` (already a valid https address) when it is on no allowed origin: the form's
 * message names the allowed hosts, the field says what is wrong with it. Nothing is written.
 */
export function assertAllowedMediaAddress(address: string, field: string, allowed: readonly string[] = enteredMediaOrigins()): void {
  if (isOwnMediaPath(address) || isAllowedMediaAddress(address, allowed)) return;
  throw new DomainError("INVALID_INPUT", {
    messageKey: allowed.length > 0 ? "mediaOrigins.notAllowed" : "mediaOrigins.noneAllowed",
    values: { hosts: mediaHosts(allowed) },
    fieldErrors: { [field]: "mediaOrigins.notAllowedField" },
  });
}

/** What the page may play: an external address on no allowed origin becomes a refusal the player states. */
export function playableHere<P extends VideoPlayback | null>(playback: P, allowed: readonly string[] = enteredMediaOrigins()): P | VideoPlayback {
  if (!playback || playback.kind !== "src" || !playback.external) return playback;
  if (isAllowedMediaAddress(playback.src, allowed)) return playback;
  const origin = originOf(playback.src);
  return { kind: "refused", host: origin ? new URL(origin).host : "" };
}

/** For an address field's description: the hosts it takes, in the form's language, said before the form is sent. */
export async function mediaHostsHint(locale: string, allowed: readonly string[] = enteredMediaOrigins()): Promise<string> {
  const t = await getTranslations({ locale, namespace: "mediaOrigins" });
  return allowed.length > 0 ? t("hostsHint", { hosts: mediaHosts(allowed) }) : t("noneAllowed");
}
