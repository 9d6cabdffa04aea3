import { getCurrentUser } from "@/lib/auth/current-user";
import { errorField, logger } from "@/lib/observability/logger";
import { storage } from "@/lib/storage";
import { STORAGE_KEY } from "@/lib/storage/storage";
import { fileAccess } from "@/lib/uploads/file-access";
import { parseByteRange } from "@/lib/uploads/byte-range";
import { contentDisposition, sanitiseFileName } from "@/lib/uploads/file-name";
import { findFileRecord } from "@/lib/uploads/file-record";
import { parsePhotoWidth, photoDerivative, type PhotoWidth } from "@/lib/uploads/photo-derivative";
import { DETECTED_TYPES } from "@/lib/uploads/limits";

export const dynamic = "force-dynamic";

// Anything not readable is "not found": a draft's existence is itself confidential (001).
const notFound = () =>
  new Response("Not found.", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });

/** A public file, kept a minute by browsers and shared caches: a takedown reaches every reader within that (docs/deployment.md). */
const PUBLIC_FILE_CACHE = "public, max-age=60";

/** What every served file carries, whole, by ranges or resized: nothing in it can run, and who may keep it. */
function servedFileHeaders(isPublic: boolean) {
  return {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cache-Control": isPublic ? PUBLIC_FILE_CACHE : "private, no-store",
    "Cross-Origin-Resource-Policy": "same-origin",
  };
}

const INLINE = new Set<string>(Object.values(DETECTED_TYPES).map((t) => t.mime));

/** The photo's resized copy; "original" when the resizer cannot read the image (it passed the upload's checks): then it is served as uploaded. */
async function resizedPhoto(key: string, width: PhotoWidth, isPublic: boolean): Promise<Response | null | "original"> {
  let bytes: Buffer | null;
  try {
    bytes = await photoDerivative(key, width);
  } catch (error) {
    logger().warn({ key, width, err: errorField(error) }, "photo: no resized copy, the original is served");
    return "original";
  }
  if (!bytes) return null;
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "image/webp",
      "Content-Length": String(bytes.length),
      "Content-Disposition": contentDisposition("inline", sanitiseFileName("photo", "webp")),
      ...servedFileHeaders(isPublic),
    },
  });
}

/**
 * Serves an uploaded file to whoever may read it (lib/uploads/file-access.ts). The bytes
 * are streamed from the store, one range at a time when a player seeks: a 1 GB video never
 * sits in memory.
 */
export async function GET(request: Request, { params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  if (!STORAGE_KEY.test(key)) return notFound();
  const width = parsePhotoWidth(new URL(request.url).searchParams.get("w"));
  if (width === "invalid") return notFound();
  const record = await findFileRecord(key);
  if (!record) return notFound();
  const access = fileAccess(await getCurrentUser(), record);
  if (!access.readable) return notFound();
  // A photo at one of the widths it is shown at (lib/uploads/photo-derivative.ts); access was decided on the original.
  if (width !== null) {
    if (record.kind !== "photo") return notFound();
    const resized = await resizedPhoto(key, width, access.isPublic);
    if (resized !== "original") return resized ?? notFound();
  }
  const info = await storage().stat(key);
  if (!info) return notFound();
  const extension = key.slice(key.lastIndexOf(".") + 1);
  // The type comes from the detected extension, never from what was stored alongside.
  const mime = Object.values(DETECTED_TYPES).find((t) => t.extension === extension)?.mime ?? "application/octet-stream";
  const name = sanitiseFileName(record.fileName ?? record.kind, extension);
  const size = info.size;
  const range = parseByteRange(request.headers.get("range"), size);
  if (range === "unsatisfiable") return new Response(null, { status: 416, headers: { "Content-Range": `bytes */${size}`, "Cache-Control": "no-store" } });
  const object = await storage().open(key, range ?? undefined);
  if (!object) return notFound();
  const length = range ? range.end - range.start + 1 : size;
  return new Response(object.stream, {
    status: range ? 206 : 200,
    headers: {
      "Content-Type": mime,
      "Content-Length": String(length),
      ...(range ? { "Content-Range": `bytes ${range.start}-${range.end}/${size}` } : {}),
      "Accept-Ranges": "bytes",
      "Content-Disposition": contentDisposition(INLINE.has(mime) ? "inline" : "attachment", name),
      ...servedFileHeaders(access.isPublic),
    },
  });
}
