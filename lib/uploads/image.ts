import "server-only";
import sharp from "sharp";
import { IMAGE_MAX_PIXELS, type DetectedType } from "./limits";

export type ReencodeResult = { ok: true; bytes: Buffer } | { ok: false; reason: "unreadableImage" | "imageTooManyPixels" };

type ImageType = Extract<DetectedType, "jpeg" | "png" | "webp">;

/**
 * Every image is decoded and encoded again, so only pixels survive: no EXIF (GPS,
 * camera serials), no XMP, no ICC tricks, no bytes appended after the image. It is turned
 * upright by its EXIF orientation first, since that tag is about to be dropped.
 */
export async function reencodeImage(bytes: Buffer, type: ImageType): Promise<ReencodeResult> {
  // limitInputPixels refuses a decompression bomb before its pixels are allocated.
  const input = () => sharp(bytes, { limitInputPixels: IMAGE_MAX_PIXELS, failOn: "error", animated: false });
  try {
    const meta = await input().metadata();
    if (meta.format !== type) return { ok: false, reason: "unreadableImage" };
    if ((meta.width ?? 0) * (meta.height ?? 0) > IMAGE_MAX_PIXELS) return { ok: false, reason: "imageTooManyPixels" };
    const pipeline = input().rotate();
    const out = type === "jpeg" ? pipeline.jpeg({ quality: 86 }) : type === "png" ? pipeline.png({ compressionLevel: 9 }) : pipeline.webp({ quality: 86 });
    return { ok: true, bytes: await out.toBuffer() };
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message)) return { ok: false, reason: "imageTooManyPixels" };
    return { ok: false, reason: "unreadableImage" };
  }
}
