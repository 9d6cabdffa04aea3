import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { checkPdf } from "@/lib/uploads/pdf";

const withStream = (dict: string, data: Buffer) =>
  Buffer.concat([Buffer.from(`%PDF-1.7\n4 0 obj\n${dict}\nstream\n`, "latin1"), data, Buffer.from("\nendstream\nendobj\n%%EOF\n", "latin1")]);

describe("PDF active content", () => {
  it("accepts a PDF whose compressed page content is harmless", () => {
    expect(checkPdf(withStream("<< /Filter /FlateDecode >>", deflateSync("BT /F1 12 Tf (Vision for the Union) Tj ET")))).toEqual({ ok: true });
  });

  it("does not mistake names that merely start like an action", () => {
    expect(checkPdf(Buffer.from("%PDF-1.7\n1 0 obj << /JSONish 1 /Launcher 2 >> endobj\n"))).toEqual({ ok: true });
  });

  it("finds JavaScript in a compressed stream that is not declared an object stream", () => {
    expect(checkPdf(withStream("<< /Filter /FlateDecode >>", deflateSync("<< /S /JavaScript /JS (x) >>")))).toEqual({ ok: false, reason: "pdfActiveContent" });
  });

  it("refuses a stream that would inflate past its bound", () => {
    const bomb = deflateSync(Buffer.alloc(9 * 1024 * 1024));
    expect(checkPdf(withStream("<< /Filter /FlateDecode >>", bomb))).toEqual({ ok: false, reason: "pdfUncheckable" });
  });

  it("skips image data", () => {
    expect(checkPdf(withStream("<< /Subtype /Image /Filter /DCTDecode >>", Buffer.from("/JS")))).toEqual({ ok: true });
  });
});
