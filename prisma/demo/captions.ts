// The captions' demo (docs/decisions/040-captions.md), offline: the PP-18 recording's captions
// as WebVTT tracks on the floor and in French, made from the cues its captioner "sent" (the
// transcript's demo, prisma/demo/transcript.ts) after an opening line the short stand-in
// recording shows; captions in two languages on the live demo's campaign video; and a
// captioner key for the live demo hearing, public by design like the demo passwords, with which
// `npm run captioner -- --demo` captions the hearing once the chair has started it.
// Relative imports only: this runs under tsx, outside Next.
import { createHash } from "node:crypto";
import type { PrismaClient } from "../../lib/db/client";
import { writeVtt } from "../../lib/captions/webvtt";

/** The live demo hearing's captioner key. Public: it opens nothing but the demo hearing's captions. */
export const DEMO_CAPTIONER_KEY = "hcap_demo-captioner-key-for-the-live-demo-hearing";

const OPENING: Record<string, string> = {
  floor: "[Demo captions] The recording begins. The chair opens the candidates' hearing.",
  fr: "[Sous-titres de démonstration] L'enregistrement commence. Le président ouvre l'audition des candidats.",
};

const VIDEO_CAPTIONS: Record<string, string[]> = {
  en: ["[Demo captions] Distinguished delegates,", "connecting everyone is the work of us all."],
  fr: ["[Sous-titres de démonstration] Mesdames et Messieurs les délégués,", "connecter chacun est notre œuvre commune."],
};

export async function seedCaptionDemo(prisma: PrismaClient, { pp18ConferenceId, liveHearingId }: { pp18ConferenceId: string; liveHearingId: string | null }) {
  // PP-18's recorded captions, once.
  const hearing = await prisma.hearing.findFirst({
    where: { conferenceId: pp18ConferenceId, rehearsal: false, status: "ENDED" },
    select: { id: true, startedAt: true, captionTracks: { select: { id: true } } },
  });
  if (hearing && hearing.captionTracks.length === 0) {
    const cues = await prisma.captionCue.findMany({ where: { hearingId: hearing.id }, orderBy: [{ language: "asc" }, { seq: "asc" }] });
    // The recording began two minutes before the start (prisma/demo/pp18.ts).
    const recordingStart = (hearing.startedAt?.getTime() ?? cues[0]?.startAt.getTime() ?? 0) - 2 * 60_000;
    for (const language of Object.keys(OPENING)) {
      const own = cues.filter((cue) => cue.language === language);
      const vtt = writeVtt([
        { startMs: 500, endMs: 5_500, text: OPENING[language]! },
        ...own.map((cue) => ({ startMs: cue.startAt.getTime() - recordingStart, endMs: cue.endAt.getTime() - recordingStart, text: cue.text })),
      ]);
      await prisma.hearingCaptionTrack.create({ data: { hearingId: hearing.id, language, vtt } });
    }
  }

  // The live demo's campaign video: captions in English and French.
  const video = await prisma.material.findFirst({
    where: { kind: "VIDEO", title: "A message to the Member States (demo)", candidate: { isDemo: true } },
    orderBy: { createdAt: "desc" },
    select: { id: true, captionTracks: { select: { id: true } } },
  });
  if (video && video.captionTracks.length === 0) {
    for (const [language, lines] of Object.entries(VIDEO_CAPTIONS)) {
      const vtt = writeVtt(lines.map((text, i) => ({ startMs: 200 + i * 2_900, endMs: 2_900 + i * 2_900, text })));
      await prisma.materialCaptionTrack.create({ data: { materialId: video.id, language, vtt } });
    }
  }

  // The live demo hearing's captioner key (moved to the hearing a reset made anew).
  if (liveHearingId) {
    const keyHash = createHash("sha256").update(DEMO_CAPTIONER_KEY, "utf8").digest("hex");
    await prisma.captionerKey.upsert({
      where: { keyHash },
      create: { hearingId: liveHearingId, label: "Demo captioner (public key)", keyHash },
      update: { hearingId: liveHearingId, revokedAt: null },
    });
  }
}
