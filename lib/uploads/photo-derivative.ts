import "server-only";
import { createHash } from "node:crypto";
import sharp from "sharp";
import { storage } from "@/lib/storage";
import { IMAGE_MAX_PIXELS } from "./limits";

// A candidate's photo is uploaded up to 5 MB and shown in boxes of 64 to 128 CSS pixels: it is
// served as a resized copy (docs/decisions/032-photo-derivatives.md), made the first time a
// width is asked for and kept in the store beside the original under a key derived from it.
// Access is always decided on the original (app/api/files/[key]): a copy is never reachable
// by its own key, and goes when the original goes (deleteWithDerivatives).

/** The widths served, in device pixels: 1× and 2× of the avatars' boxes, and a large one. */
export const PHOTO_WIDTHS = [128, 256, 512] as const;
export type PhotoWidth = (typeof PHOTO_WIDTHS)[number];

export function parsePhotoWidth(value: string | null): PhotoWidth | null | "invalid" {
  if (value === null) return null;
  const width = Number(value);
  return (PHOTO_WIDTHS as readonly number[]).includes(width) && String(width) === value ? (width as PhotoWidth) : "invalid";
}

/** The stored name of the copy of `key` at `width`: a stored name like any other, not guessable without the original's. */
export function derivativeKey(key: string, width: PhotoWidth): string {
  return `${createHash("sha256").update(`photo-derivative:${key}:${width}`).digest("hex").slice(0, 32)}.webp`;
}

/** The copy's bytes: WebP, no wider or taller than `width`, never enlarged, without the original's metadata (location included). */
export async function resizePhoto(original: Buffer, width: PhotoWidth): Promise<Buffer> {
  return await sharp(original, { limitInputPixels: IMAGE_MAX_PIXELS, failOn: "none" })
    .rotate() // upright as the camera meant it, before the orientation tag is dropped
    .resize({ width, height: width, fit: "inside", withoutEnlargement: true })
    .webp({ quality: 80 })
    .toBuffer();
}

/** The copy of the photo `key` at `width`, made and kept on first use; null when the original is gone. */
export async function photoDerivative(key: string, width: PhotoWidth): Promise<Buffer | null> {
  const copyKey = derivativeKey(key, width);
  const kept = await storage().get(copyKey);
  if (kept) return kept.bytes;
  const original = await storage().get(key);
  if (!original) return null;
  const bytes = await resizePhoto(original.bytes, width);
  // Two first requests at once make the same bytes: the second write replaces the first.
  await storage().put(copyKey, bytes, "image/webp");
  return bytes;
}

/** Deletes a stored file and any resized copies of it; never throws (the change it follows is already committed). */
export async function deleteWithDerivatives(key: string): Promise<void> {
  await Promise.all(
    [key, ...PHOTO_WIDTHS.map((width) => derivativeKey(key, width))].map((k) =>
      storage()
        .delete(k)
        .catch(() => undefined),
    ),
  );
}
