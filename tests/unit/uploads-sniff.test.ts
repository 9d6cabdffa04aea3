import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { sniff } from "@/lib/uploads/sniff";

describe("content sniffing", () => {
  it("tells MP4 from other ISO-BMFF files by the major brand", () => {
    const box = (brand: string) => Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from(`ftyp${brand}`, "latin1"), Buffer.alloc(40)]);
    expect(sniff(box("isom"))).toMatchObject({ ok: true, type: "mp4" });
    expect(sniff(box("mp42"))).toMatchObject({ ok: true, type: "mp4" });
    for (const other of ["heic", "avif", "qt  "]) expect(sniff(box(other))).toEqual({ ok: false, reason: "unknown" });
  });

  it("recognises WebP and refuses GIF, which is not an accepted format", async () => {
    const image = (format: "webp" | "gif") =>
      sharp({ create: { width: 4, height: 4, channels: 3, background: "#fff" } })
        .toFormat(format)
        .toBuffer();
    expect(sniff(await image("webp"))).toMatchObject({ ok: true, type: "webp", mime: "image/webp" });
    expect(sniff(await image("gif"))).toEqual({ ok: false, reason: "unknown" });
  });

  it("refuses markup behind a byte-order mark or NUL padding", () => {
    expect(sniff(Buffer.from("\ufeff  <svg onload=alert(1)>"))).toEqual({ ok: false, reason: "markup" });
    expect(sniff(Buffer.concat([Buffer.alloc(8), Buffer.from("<html>")]))).toEqual({ ok: false, reason: "markup" });
  });
});
