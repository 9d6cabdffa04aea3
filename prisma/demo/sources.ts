import type { PrismaClient } from "../../lib/db/client";
import type { HearingAskerKind } from "../../lib/db/generated/enums";

// The demo's question sources (docs/fairness.md#question-sources, docs/decisions/044-question-sources.md):
// the live demo's and PP-18's hearing questions say who asked — Member States of several
// regions (most checked against a badge or an account), Sector Members, the public, the press —
// which askers agreed to the open pool, and why the chair set some aside. Only these columns are
// written: no question's id, status or candidate changes, so nothing that enters a draw's
// message or a draw's eligible list moves, and the archive's draws still verify. Idempotent: a
// question that already says what is below is not written again.

type Source = {
  kind: HearingAskerKind;
  /** ISO 3166-1 alpha-3 of a Member State's question. */
  state?: string;
  /** The organisation or outlet of a Sector Member's or the press's question (replaces the country given before sources existed). */
  origin?: string;
  checked?: boolean;
  consent: boolean;
};

/** By asker: the PP-18 archive's askers and the live demo's (prisma/demo/pp18.ts, prisma/demo/live.ts). */
const SOURCES: Record<string, Source> = {
  // PP-18 (Dubai, 2018).
  "Delegate of Chile": { kind: "MEMBER_STATE", state: "CHL", checked: true, consent: true },
  "A. Diallo": { kind: "PUBLIC", consent: true },
  "Delegate of Fiji": { kind: "MEMBER_STATE", state: "FJI", checked: true, consent: true },
  "M. Rodríguez": { kind: "PRESS", origin: "La Voz del Pacífico (demo)", consent: true },
  "Delegate of Egypt": { kind: "MEMBER_STATE", state: "EGY", checked: false, consent: false },
  "O. Petrova": { kind: "SECTOR_MEMBER", origin: "Northern Telecom Operators Association (demo)", consent: true },
  "Delegate of Viet Nam": { kind: "MEMBER_STATE", state: "VNM", checked: true, consent: true },
  "Li Wen": { kind: "PUBLIC", consent: false },
  // The live demo (today).
  "Delegate of Norway (demo)": { kind: "MEMBER_STATE", state: "NOR", checked: true, consent: true },
  "Amir Hosseini": { kind: "PRESS", origin: "Tehran Tech Review (demo)", consent: true },
  "Sofia Conti": { kind: "PUBLIC", consent: true },
  "Lina Haddad": { kind: "PUBLIC", consent: false },
  "Delegate of Brazil (demo)": { kind: "MEMBER_STATE", state: "BRA", checked: true, consent: true },
  "Jean Moreau": { kind: "PUBLIC", consent: true },
  "Olga Ivanova": { kind: "MEMBER_STATE", state: "BLR", checked: false, consent: true },
  "Delegate of Fiji (demo)": { kind: "MEMBER_STATE", state: "FJI", checked: false, consent: true },
  "Chen Ming": { kind: "SECTOR_MEMBER", origin: "Asia-Pacific Satellite Operators (demo)", consent: true },
  "Delegate of Chile (demo)": { kind: "MEMBER_STATE", state: "CHL", checked: true, consent: false },
  "Moussa Traoré": { kind: "PUBLIC", consent: true },
  "Pablo Herrera": { kind: "PUBLIC", consent: false },
  "Delegate of Finland (demo)": { kind: "MEMBER_STATE", state: "FIN", checked: false, consent: true },
  "Kofi Mensah": { kind: "SECTOR_MEMBER", origin: "West Africa Mobile Operators (demo)", consent: true },
  "Delegate of Morocco (demo)": { kind: "MEMBER_STATE", state: "MAR", checked: true, consent: true },
  "Camila Torres": { kind: "PRESS", origin: "Radio Andina (demo)", consent: true },
  "Delegate of Nepal (demo)": { kind: "MEMBER_STATE", state: "NPL", checked: true, consent: true },
  "Armen Petrosyan": { kind: "PUBLIC", consent: true },
};

/** The chair's reasons for the questions the demo set aside, in turn. */
const SET_ASIDE_REASONS = [
  "Off topic: it concerns one national licence, not the post (demo).",
  "Asked already by another delegation in other words (demo).",
  "Addressed to the Union's current management, not to the candidate (demo).",
];

export async function seedQuestionSources(
  prisma: PrismaClient,
  { pp18ConferenceId, liveHearingId }: { pp18ConferenceId: string; liveHearingId: string | null },
) {
  const hearings = await prisma.hearing.findMany({
    where: { OR: [{ conferenceId: pp18ConferenceId }, ...(liveHearingId ? [{ id: liveHearingId }] : [])], rehearsal: false },
    select: { id: true },
  });
  const questions = await prisma.hearingQuestion.findMany({
    where: { hearingId: { in: hearings.map((h) => h.id) } },
    select: {
      id: true,
      askerName: true,
      askerOrigin: true,
      askerKind: true,
      askerStateId: true,
      askerRegion: true,
      askerVerified: true,
      publishConsent: true,
      status: true,
      setAsideReason: true,
      candidate: { select: { memberStateId: true } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const states = new Map(
    (
      await prisma.memberState.findMany({
        where: { iso3: { in: Object.values(SOURCES).flatMap((s) => (s.state ? [s.state] : [])) } },
        select: { id: true, iso3: true, region: true },
      })
    ).map((s) => [s.iso3, s]),
  );
  let setAside = 0;
  for (const q of questions) {
    const source = SOURCES[q.askerName];
    const reason = q.status === "SET_ASIDE" ? (q.setAsideReason ?? SET_ASIDE_REASONS[setAside++ % SET_ASIDE_REASONS.length] ?? null) : q.setAsideReason;
    if (!source) {
      if (reason !== q.setAsideReason) await prisma.hearingQuestion.update({ where: { id: q.id }, data: { setAsideReason: reason } });
      continue;
    }
    const state = source.state ? states.get(source.state) : undefined;
    // A state never questions its own candidate (docs/fairness.md#no-self-questioning): such a question stays the public's.
    const own = state !== undefined && state.id === q.candidate.memberStateId;
    const data =
      source.kind === "MEMBER_STATE" && state && !own
        ? { askerKind: source.kind, askerStateId: state.id, askerRegion: state.region, askerVerified: source.checked ?? false, askerOrigin: q.askerOrigin }
        : source.kind === "MEMBER_STATE"
          ? { askerKind: "PUBLIC" as const, askerStateId: null, askerRegion: null, askerVerified: false, askerOrigin: q.askerOrigin }
          : {
              askerKind: source.kind,
              askerStateId: null,
              askerRegion: null,
              askerVerified: source.checked ?? false,
              askerOrigin: source.origin ?? q.askerOrigin,
            };
    const wanted = { ...data, publishConsent: source.consent, setAsideReason: reason };
    const same = (Object.keys(wanted) as (keyof typeof wanted)[]).every((k) => wanted[k] === q[k]);
    if (!same) await prisma.hearingQuestion.update({ where: { id: q.id }, data: wanted });
  }
}
