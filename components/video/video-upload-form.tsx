"use client";

import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { beginVideoUpload } from "@/app/[locale]/my/materials/video-actions";
import { IDLE } from "@/lib/actions/form-state";
import { VIDEO_MAX_BYTES } from "@/lib/uploads/limits";

type Phase =
  | { step: "idle" }
  | { step: "uploading"; percent: number }
  | { step: "checking" }
  | { step: "done"; target: "mux" | "local" }
  | { step: "error"; message: string };

/** The store's signed address for the file, or "local" when the portal keeps the files itself (docs/decisions/033-object-storage.md). */
type Direct = { target: "direct"; url: string; headers: Record<string, string>; token: string } | { target: "local" } | { target: "refused"; error?: string };

/** mp4 or webm, from what the browser says of the file; the server decides by its content. */
function videoType(file: File): "mp4" | "webm" {
  return file.type === "video/webm" || /\.webm$/i.test(file.name) ? "webm" : "mp4";
}

/** The portal's video route, in JSON: a direct upload's start or finish. */
async function directStep(materialId: string, locale: string, body: Record<string, unknown>): Promise<{ ok: boolean; body: Record<string, unknown> }> {
  try {
    const response = await fetch(`/api/materials/${encodeURIComponent(materialId)}/video?locale=${encodeURIComponent(locale)}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    const answer: unknown = await response.json().catch(() => ({}));
    return { ok: response.ok, body: answer && typeof answer === "object" ? (answer as Record<string, unknown>) : {} };
  } catch {
    return { ok: false, body: {} };
  }
}

async function startDirect(materialId: string, locale: string, file: File): Promise<Direct> {
  const started = await directStep(materialId, locale, { step: "start", size: file.size, fileName: file.name, type: videoType(file) });
  const { target, url, headers, token, error } = started.body;
  if (!started.ok) return { target: "refused", error: typeof error === "string" ? error : undefined };
  if (target === "direct" && typeof url === "string" && typeof token === "string") {
    return { target, url, token, headers: headers && typeof headers === "object" ? (headers as Record<string, string>) : {} };
  }
  return { target: "local" };
}

/** PUTs the file with progress; resolves with the response's status and its error message, if any. */
function put(url: string, file: File, headers: Record<string, string>, onProgress: (percent: number) => void) {
  return new Promise<{ ok: boolean; error?: string }>((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("PUT", url);
    for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.floor((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      let error: string | undefined;
      try {
        const body: unknown = JSON.parse(xhr.responseText || "{}");
        if (body && typeof body === "object" && "error" in body && typeof body.error === "string") error = body.error;
      } catch {
        // Mux answers an upload with an empty body.
      }
      resolve({ ok: xhr.status >= 200 && xhr.status < 300, error });
    };
    xhr.onerror = () => resolve({ ok: false });
    xhr.send(file);
  });
}

/**
 * Uploads a draft video's file straight from the browser, with progress: to Mux's direct
 * upload URL when Mux is configured, to the object store by a signed address when there is
 * one, else to this portal's streaming route. Up to 1 GB, so
 * never through a server action's body. The server checks everything again; the size check
 * here only spares a long upload that would be refused.
 */
export function VideoUploadForm({ materialId, accept, hint }: { materialId: string; accept: string; hint: string }) {
  const t = useTranslations("video");
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const outcome = useRef<HTMLDivElement>(null);
  const [phase, setPhase] = useState<Phase>({ step: "idle" });

  const show = (next: Phase) => {
    setPhase(next);
    if (next.step !== "uploading") queueMicrotask(() => outcome.current?.focus());
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) return show({ step: "error", message: t("chooseFile") });
    if (file.size === 0) return show({ step: "error", message: t("emptyFile") });
    if (file.size > VIDEO_MAX_BYTES) return show({ step: "error", message: t("tooLarge") });
    show({ step: "uploading", percent: 0 });

    const form = new FormData();
    form.set("id", materialId);
    form.set("locale", locale);
    const started = await beginVideoUpload(IDLE, form);
    if (started.status !== "success" || !started.data?.url) return show({ step: "error", message: started.message ?? t("failed") });

    const target = started.data.target === "mux" ? "mux" : "local";
    const progress = (percent: number) => setPhase({ step: "uploading", percent });
    if (target === "local") {
      // With an object store, the file goes to it straight, and the portal checks it there
      // before attaching it; on local disk (or if the store cannot be reached from here) it
      // goes through the portal's own streaming route.
      const direct = await startDirect(materialId, locale, file);
      if (direct.target === "refused") return show({ step: "error", message: direct.error ?? t("failed") });
      if (direct.target === "direct") {
        const sent = await put(direct.url, file, direct.headers, progress);
        if (sent.ok) {
          setPhase({ step: "checking" });
          const finished = await directStep(materialId, locale, { step: "finish", token: direct.token });
          if (!finished.ok) return show({ step: "error", message: typeof finished.body.error === "string" ? finished.body.error : t("failed") });
          show({ step: "done", target });
          router.refresh();
          return;
        }
        progress(0);
      }
    }
    const headers: Record<string, string> =
      target === "local" ? { "Content-Type": "application/octet-stream", "X-File-Name": encodeURIComponent(file.name) } : {};
    const url = target === "local" ? `${started.data.url}?locale=${encodeURIComponent(locale)}` : started.data.url;
    const sent = await put(url, file, headers, progress);
    if (!sent.ok) return show({ step: "error", message: sent.error ?? t("failed") });
    show({ step: "done", target });
    router.refresh();
  }

  const busy = phase.step === "uploading" || phase.step === "checking";
  return (
    <form onSubmit={onSubmit} aria-label={t("uploadHeading")} aria-busy={busy} className="grid gap-3" noValidate>
      <div ref={outcome} tabIndex={-1} className="outline-none focus-visible:outline-2">
        {phase.step === "error" ? (
          <p role="alert" data-testid="video-upload-error" className="rounded border border-rose-300 bg-rose-50 p-3 text-rose-900">
            {phase.message}
          </p>
        ) : null}
        {phase.step === "done" ? (
          <p role="status" data-testid="video-upload-done" className="rounded border border-emerald-300 bg-emerald-50 p-3 text-emerald-950">
            {phase.target === "mux" ? t("sentToMux") : t("uploaded")}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor={id} className="font-medium">
          {t("chooseVideo")}
          <span aria-hidden="true"> *</span>
        </label>
        <input
          ref={fileInput}
          id={id}
          name="file"
          type="file"
          accept={accept}
          required
          disabled={busy}
          aria-describedby={`${id}-hint`}
          className="mt-1 block w-full rounded border border-slate-500 bg-white px-3 py-2 file:me-3 file:rounded file:border-0 file:bg-slate-200 file:px-3 file:py-1 focus-visible:outline-2 focus-visible:outline-offset-2"
        />
        <p id={`${id}-hint`} className="mt-1 text-sm text-slate-700">
          {hint}
        </p>
      </div>
      {phase.step === "checking" ? (
        <p role="status" className="text-sm" data-testid="video-upload-checking">
          {t("checking")}
        </p>
      ) : null}
      {phase.step === "uploading" ? (
        <div className="space-y-1">
          <label htmlFor={`${id}-progress`} className="text-sm">
            {t("progress", { percent: phase.percent })}
          </label>
          <progress id={`${id}-progress`} max={100} value={phase.percent} className="block w-full max-w-md" />
        </div>
      ) : null}
      <div>
        <button type="submit" disabled={busy} className="rounded bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-70">
          {busy ? t("uploading") : t("upload")}
        </button>
      </div>
    </form>
  );
}
