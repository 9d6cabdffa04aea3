"use client";

import { useLocale, useTranslations } from "next-intl";
import { useEffect, useId, useMemo, useState, useSyncExternalStore, type ReactNode } from "react";
import { sortCaptionLanguages } from "@/lib/captions/languages";
import { subscribeCaptions, type FeedCaption } from "./caption-feed";

// The live hearing's captions under or over its player (docs/decisions/040-captions.md): the
// latest lines in the chosen language, in a polite live region, with the viewer's own switch,
// language (when there are several), size and place, remembered in this browser. Captions come
// on the stream the live panel holds (caption-feed.ts); while it is down they pause.

const STORAGE_KEY = "hustings:captions";
const LINES_KEPT = 2;
const SIZES = ["small", "medium", "large"] as const;
const POSITIONS = ["below", "over"] as const;
type Size = (typeof SIZES)[number];
type Position = (typeof POSITIONS)[number];
type Preferences = { on: boolean; language: string | null; size: Size; position: Position };

const DEFAULTS: Preferences = { on: true, language: null, size: "medium", position: "below" };
const TEXT_SIZE: Record<Size, string> = { small: "text-base", medium: "text-xl", large: "text-3xl" };
const CONTROL = "min-h-11 rounded border border-slate-400 bg-white px-2 text-base text-slate-900";

function parsePreferences(raw: string | null): Preferences {
  try {
    const value = JSON.parse(raw ?? "null") as Partial<Preferences> | null;
    if (!value || typeof value !== "object") return DEFAULTS;
    return {
      on: typeof value.on === "boolean" ? value.on : DEFAULTS.on,
      language: typeof value.language === "string" ? value.language : null,
      size: SIZES.includes(value.size as Size) ? (value.size as Size) : DEFAULTS.size,
      position: POSITIONS.includes(value.position as Position) ? (value.position as Position) : DEFAULTS.position,
    };
  } catch {
    return DEFAULTS;
  }
}

// The choice as an external store: this browser's storage, read after hydration (the server's
// render knows nothing of it) and followed across tabs.
const storeListeners = new Set<() => void>();
let kept: { raw: string | null; value: Preferences } | null = null;
/** The choice when storage refuses it (private mode, full): this page only. */
let unstored: Preferences | null = null;

function readStorage(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function preferencesSnapshot(): Preferences {
  if (unstored) return unstored;
  const raw = readStorage();
  if (!kept || kept.raw !== raw) kept = { raw, value: parsePreferences(raw) };
  return kept.value;
}

function subscribePreferences(listener: () => void): () => void {
  storeListeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    storeListeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

function savePreferences(preferences: Preferences) {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(preferences));
    unstored = null;
  } catch {
    unstored = preferences;
  }
  for (const listener of storeListeners) listener();
}

export function LiveCaptions({ hearingId, children }: { hearingId: string; children: ReactNode }) {
  const t = useTranslations("captions");
  const locale = useLocale();
  const id = useId();
  const preferences = useSyncExternalStore(subscribePreferences, preferencesSnapshot, () => DEFAULTS);
  const [byLanguage, setByLanguage] = useState<ReadonlyMap<string, FeedCaption[]>>(new Map());

  useEffect(
    () =>
      subscribeCaptions(hearingId, (caption) =>
        setByLanguage((current) => {
          const lines = current.get(caption.language) ?? [];
          // A caption heard twice (a reconnection's opening repeats the latest) is shown once.
          if (lines.some((line) => line.seq === caption.seq)) return current;
          const next = new Map(current);
          next.set(caption.language, [...lines, caption].sort((a, b) => a.seq - b.seq).slice(-LINES_KEPT));
          return next;
        }),
      ),
    [hearingId],
  );

  const languages = useMemo(() => sortCaptionLanguages(byLanguage.keys()), [byLanguage]);
  const chosen =
    (preferences.language && languages.includes(preferences.language) ? preferences.language : null) ??
    (languages.includes(locale) ? locale : null) ??
    (languages.includes("floor") ? "floor" : (languages[0] ?? null));
  const lines = chosen ? (byLanguage.get(chosen) ?? []) : [];

  const change = (patch: Partial<Preferences>) => savePreferences({ ...preferences, ...patch });

  const over = preferences.position === "over";
  const region = preferences.on ? (
    <div
      role="log"
      aria-live="polite"
      aria-label={t("region")}
      data-testid="live-captions"
      lang={chosen && chosen !== "floor" ? chosen : undefined}
      dir="auto"
      className={`${TEXT_SIZE[preferences.size]} leading-snug ${
        over
          ? "pointer-events-none absolute inset-x-2 bottom-16 z-10 text-center [&>p]:inline-block [&>p]:rounded [&>p]:bg-black/80 [&>p]:px-2 [&>p]:text-white"
          : "mt-2 min-h-[3lh] rounded bg-slate-900 p-3 text-white"
      }`}
    >
      {lines.length === 0 ? (
        over ? null : (
          <p className="text-base text-slate-200">{t("waiting")}</p>
        )
      ) : (
        lines.map((line) => (
          <p key={`${line.language}-${line.seq}`} className="whitespace-pre-line">
            {line.text}
          </p>
        ))
      )}
    </div>
  ) : null;

  return (
    <div className="space-y-2">
      <div className="relative">
        {children}
        {over ? region : null}
      </div>
      {over ? null : region}
      <fieldset className="flex flex-wrap items-end gap-x-4 gap-y-2 rounded border border-slate-300 p-3" data-testid="caption-controls">
        <legend className="px-1 font-medium">{t("controls")}</legend>
        <div className="flex min-h-11 items-center gap-2">
          <input
            id={`${id}-on`}
            type="checkbox"
            role="switch"
            checked={preferences.on}
            onChange={(event) => change({ on: event.target.checked })}
            className="h-6 w-6"
          />
          <label htmlFor={`${id}-on`}>{t("show")}</label>
        </div>
        {languages.length > 1 ? (
          <div className="flex flex-col">
            <label htmlFor={`${id}-language`} className="text-sm">
              {t("language")}
            </label>
            <select id={`${id}-language`} value={chosen ?? ""} onChange={(event) => change({ language: event.target.value })} className={CONTROL}>
              {languages.map((language) => (
                <option key={language} value={language}>
                  {t(`languages.${language}` as "languages.floor")}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="flex flex-col">
          <label htmlFor={`${id}-size`} className="text-sm">
            {t("size")}
          </label>
          <select id={`${id}-size`} value={preferences.size} onChange={(event) => change({ size: event.target.value as Size })} className={CONTROL}>
            {SIZES.map((size) => (
              <option key={size} value={size}>
                {t(`sizes.${size}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col">
          <label htmlFor={`${id}-position`} className="text-sm">
            {t("position")}
          </label>
          <select
            id={`${id}-position`}
            value={preferences.position}
            onChange={(event) => change({ position: event.target.value as Position })}
            className={CONTROL}
          >
            {POSITIONS.map((position) => (
              <option key={position} value={position}>
                {t(`positions.${position}`)}
              </option>
            ))}
          </select>
        </div>
        {languages.length > 1 && languages.includes("floor") ? <p className="basis-full text-sm text-slate-700">{t("floorNote")}</p> : null}
      </fieldset>
    </div>
  );
}
