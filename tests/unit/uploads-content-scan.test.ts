import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ContentScanner, scanContent, scanning } from "@/lib/uploads/content-scan";

// The whole-file look for another format inside an accepted one (lib/uploads/content-scan.ts,
// docs/decisions/026-upload-checks.md): anywhere in the file, across chunk boundaries, with
// tokens strong enough that near-random bytes (compressed video, images) pass.

const ftyp = () => {
  const box = Buffer.alloc(24);
  box.writeUInt32BE(24, 0);
  box.write("ftypisom", 4, "latin1");
  box.write("isomiso2avc1mp41", 8, "latin1");
  return box;
};
const video = (...middle: Buffer[]) => Buffer.concat([ftyp(), Buffer.alloc(100_000), ...middle, Buffer.alloc(100_000)]);
const peHeader = () => {
  const header = Buffer.alloc(0x104);
  header.write("MZ", 0, "latin1");
  header.writeUInt32LE(0x100, 0x3c);
  header.write("PE\0\0", 0x100, "latin1");
  return header;
};
const machO = (magic: number[], cpu: number, fileType: number) => {
  const header = Buffer.alloc(28);
  Buffer.from(magic).copy(header);
  header.writeUInt32LE(cpu, 4);
  header.writeUInt32LE(fileType, 12);
  return header;
};
const zipEnd = (comment = "") => {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(comment.length, 20);
  return Buffer.concat([end, Buffer.from(comment, "latin1")]);
};

/** Feeds `bytes` in chunks of `size` (the last may be shorter). */
function inChunks(bytes: Buffer, size: number, type: "mp4" | "pdf" = "mp4") {
  const scanner = new ContentScanner(type);
  for (let at = 0; at < bytes.length; at += size) scanner.push(bytes.subarray(at, at + size));
  return scanner.finish();
}

describe("markup anywhere in a file", () => {
  it.each([
    ["<script>", "<script>alert(1)</script>"],
    ["<SCRIPT src>", "<SCRIPT src=//x.example/a.js>"],
    ["<html>", "<html><body>x</body></html>"],
    ["<!DOCTYPE html>", "<!DOCTYPE html>"],
    ["<iframe>", "<iframe src=x>"],
    ["<svg onload>", "<svg onload=alert(1)>"],
    ["<svg/onload>", "<svg/onload=alert(1)>"],
    ["<svg xmlns>", '<svg xmlns="http://www.w3.org/2000/svg">'],
    ["<?php", "<?php system($_GET['c']); ?>"],
    ["javascript:", "JavaScript:alert(1)"],
    ["<object>", "<object data=x>"],
  ])("finds %s 100 KB into a video", (_, markup) => {
    expect(scanContent(video(Buffer.from(markup, "latin1")), "mp4")).toEqual({ ok: false, finding: "markup" });
  });

  it("finds a token split across two chunks, wherever the split falls", () => {
    const bytes = video(Buffer.from("<script>alert(1)</script>", "latin1"));
    const at = bytes.indexOf("<script>");
    for (const cut of [1, 3, 7]) {
      const scanner = new ContentScanner("mp4");
      scanner.push(bytes.subarray(0, at + cut));
      scanner.push(bytes.subarray(at + cut));
      expect(scanner.finish()).toEqual({ ok: false, finding: "markup" });
    }
    // And with chunks of awkward sizes, down to a few bytes at a time.
    for (const size of [7, 1000, 4096, 8191, 65_536, 65_537]) expect(inChunks(bytes, size)).toEqual({ ok: false, finding: "markup" });
  });

  it("passes words that only start like markup", () => {
    expect(scanContent(video(Buffer.from("<svg> <scripture> <htmlx> <bodyguard> svg onload= javascript", "latin1")), "mp4")).toEqual({ ok: true });
  });
});

describe("programs and archives anywhere in a file", () => {
  it("finds a Windows program by its PE header, not by a bare MZ", () => {
    expect(scanContent(video(peHeader()), "mp4")).toEqual({ ok: false, finding: "executable" });
    expect(scanContent(video(Buffer.from("MZ and more text", "latin1")), "mp4")).toEqual({ ok: true });
  });

  it("finds an ELF program by its whole identification", () => {
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(56)]);
    expect(scanContent(video(elf), "mp4")).toEqual({ ok: false, finding: "executable" });
    expect(scanContent(video(Buffer.from("\x7fELF\x09\x09", "latin1")), "mp4")).toEqual({ ok: true });
  });

  it("finds a Mach-O program of a known CPU and file type", () => {
    expect(scanContent(video(machO([0xcf, 0xfa, 0xed, 0xfe], 0x01000007, 2)), "mp4")).toEqual({ ok: false, finding: "executable" });
    expect(scanContent(video(machO([0xcf, 0xfa, 0xed, 0xfe], 0x12345678, 2)), "mp4")).toEqual({ ok: true });
  });

  it("finds a ZIP whose end record ends the file, as an archive reader would", () => {
    expect(scanContent(Buffer.concat([video(), zipEnd()]), "mp4")).toEqual({ ok: false, finding: "archive" });
    expect(scanContent(Buffer.concat([video(), zipEnd("a comment")]), "mp4")).toEqual({ ok: false, finding: "archive" });
    expect(inChunks(Buffer.concat([ftyp(), Buffer.alloc(20_000), zipEnd("a comment")]), 7)).toEqual({ ok: false, finding: "archive" });
    // An end record in the middle of the file opens nothing.
    expect(scanContent(video(zipEnd()), "mp4")).toEqual({ ok: true });
  });

  it("finds a PDF inside a video, not inside a PDF", () => {
    expect(scanContent(video(Buffer.from("%PDF-1.7\n", "latin1")), "mp4")).toEqual({ ok: false, finding: "pdf" });
    expect(scanContent(Buffer.from("%PDF-1.7\n%%EOF\n", "latin1"), "pdf")).toEqual({ ok: true });
  });
});

describe("bounded and quiet", () => {
  it("passes 16 MB of random bytes in 64 KiB chunks (what compressed video looks like)", () => {
    const scanner = new ContentScanner("mp4");
    scanner.push(ftyp());
    for (let i = 0; i < 256; i++) scanner.push(randomBytes(64 * 1024));
    expect(scanner.finish()).toEqual({ ok: true });
  }, 20_000);

  it("passes a stream through unchanged while reading it", async () => {
    const bytes = video(peHeader());
    const scanner = new ContentScanner("mp4");
    const source = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 10_000) controller.enqueue(new Uint8Array(bytes.subarray(at, at + 10_000)));
        controller.close();
      },
    });
    const out = Buffer.from(await new Response(scanning(source, scanner)).arrayBuffer());
    expect(out.equals(bytes)).toBe(true);
    expect(scanner.finish()).toEqual({ ok: false, finding: "executable" });
  });
});
