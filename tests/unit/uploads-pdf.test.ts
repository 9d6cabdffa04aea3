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

  it("refuses an object stream that would inflate past its bound, and leaves any other such stream unread", () => {
    const bomb = deflateSync(Buffer.alloc(9 * 1024 * 1024));
    expect(checkPdf(withStream("<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode >>", bomb))).toEqual({ ok: false, reason: "pdfUncheckable" });
    // An object stream is known by its keys too: a viewer reads one without its /Type.
    expect(checkPdf(withStream("<< /N 1 /First 4 /Filter /FlateDecode >>", bomb))).toEqual({ ok: false, reason: "pdfUncheckable" });
    expect(checkPdf(withStream("<< /Filter /FlateDecode >>", bomb))).toEqual({ ok: true });
  });

  it("refuses object streams that inflate past 64 MB together (a zip bomb in pieces)", () => {
    const piece = withStream("<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode >>", deflateSync(Buffer.alloc(7 * 1024 * 1024, 0x20)));
    expect(checkPdf(Buffer.concat(Array.from({ length: 10 }, () => piece)))).toEqual({ ok: false, reason: "pdfUncheckable" });
    expect(checkPdf(piece)).toEqual({ ok: true });
  }, 30_000);

  it("skips image data", () => {
    expect(checkPdf(withStream("<< /Subtype /Image /Filter /DCTDecode >>", Buffer.from("/JS")))).toEqual({ ok: true });
  });
});

describe("PDF actions and links (docs/decisions/026-upload-checks.md)", () => {
  const pdf = (...objects: string[]) =>
    Buffer.from(`%PDF-1.7\n${objects.map((o, i) => `${i + 1} 0 obj\n${o}\nendobj\n`).join("")}trailer\n<< /Root 1 0 R >>\n%%EOF\n`, "latin1");
  const link = (address: string) => `<< /Type /Annot /Subtype /Link /A << /S /URI /URI ${address} >> >>`;

  it.each([
    ["a destination", "[2 0 R /Fit]"],
    ["a GoTo action", "<< /S /GoTo /D [2 0 R /XYZ 0 0 0] >>"],
    ["a reference to a destination", "3 0 R"],
  ])("lets /OpenAction open the document at %s", (_, value) => {
    expect(checkPdf(pdf(`<< /Type /Catalog /OpenAction ${value} >>`, "<< /Type /Page >>", "[2 0 R /FitH 800]"))).toEqual({ ok: true });
  });

  it.each([
    ["a URI action", "<< /S /URI /URI (https://tracker.example/) >>"],
    ["a named action", "<< /S /Named /N /Print >>"],
    ["a GoTo with a chained action", "<< /S /GoTo /D [2 0 R /Fit] /Next << /S /URI /URI (https://x.example/) >> >>"],
    ["a reference to a URI action", "3 0 R"],
    ["a reference to nothing", "9 0 R"],
  ])("refuses an /OpenAction that is %s", (_, value) => {
    expect(checkPdf(pdf(`<< /Type /Catalog /OpenAction ${value} >>`, "<< /Type /Page >>", "<< /S /URI /URI (https://x.example/) >>"))).toEqual({
      ok: false,
      reason: "pdfAutomaticAction",
    });
  });

  it("refuses an object defined twice when either definition is refused (an incremental update)", () => {
    const bytes = pdf("<< /Type /Catalog /OpenAction 2 0 R >>", "[3 0 R /Fit]");
    const updated = Buffer.concat([bytes, Buffer.from("2 0 obj\n<< /S /Named /N /Print >>\nendobj\n%%EOF\n", "latin1")]);
    expect(checkPdf(bytes)).toEqual({ ok: true });
    expect(checkPdf(updated)).toEqual({ ok: false, reason: "pdfAutomaticAction" });
  });

  it.each([
    "(https://www.itu.int/)",
    "(HTTP://example.org)",
    "(mailto:someone@example.org)",
    "(page2.html#top)",
    "<68747470733a2f2f6974752e696e74>",
    "(\\150ttps://itu.int)",
  ])("accepts a link to %s", (address) => {
    expect(checkPdf(pdf("<< /Type /Catalog >>", link(address)))).toEqual({ ok: true });
  });

  it.each([
    "(javascript:alert\\(1\\))",
    "( JaVaScRiPt:alert\\(1\\))",
    "(java\\nscript:alert\\(1\\))",
    "(java\\\nscript:x)",
    "<6a6176617363726970743a78>",
    "<FEFF006A006100760061007300630072006900700074003A0078>",
    "<FEFF006A006100760061007300630072006900700074003A00780>",
    "(data:text/html,x)",
    "(file:///etc/passwd)",
    "(smb://server/share)",
  ])("refuses a link to %s", (address) => {
    expect(checkPdf(pdf("<< /Type /Catalog >>", link(address)))).toEqual({ ok: false, reason: "pdfLinkScheme" });
  });

  it("follows a link address given by reference", () => {
    expect(checkPdf(pdf("<< /Type /Catalog >>", link("3 0 R"), "(file:///etc/passwd)"))).toEqual({ ok: false, reason: "pdfLinkScheme" });
  });

  it.each([
    ["/AA", "<< /Type /Page /AA << /O << /S /GoTo /D [1 0 R /Fit] >> >> >>", "pdfAutomaticAction"],
    ["/A#41 (escaped)", "<< /Type /Page /A#41 << >> >>", "pdfAutomaticAction"],
    ["/GoToR", "<< /S /GoToR /F (x.pdf) /D [0 /Fit] >>", "pdfExternalAction"],
    ["/Launch", "<< /S /Launch /F (cmd.exe) >>", "pdfExternalAction"],
    ["/SubmitForm", "<< /S /SubmitForm /F (https://x.example/) >>", "pdfExternalAction"],
    ["/ImportData", "<< /S /ImportData /F (x.fdf) >>", "pdfExternalAction"],
    ["/JavaScript", "<< /S /JavaScript /JS (x) >>", "pdfActiveContent"],
    ["/#4Aava#53cript", "<< /S /#4Aava#53cript >>", "pdfActiveContent"],
    ["/JS with a hex string", "<< /JS <6170702e616c657274283129> >>", "pdfActiveContent"],
    ["/RichMedia", "<< /Subtype /RichMedia >>", "pdfActiveContent"],
    ["/EmbeddedFiles", "<< /EmbeddedFiles << >> >>", "pdfActiveContent"],
    ["/XFA", "<< /XFA [] >>", "pdfActiveContent"],
  ])("refuses %s", (_, object, reason) => {
    expect(checkPdf(pdf("<< /Type /Catalog >>", object))).toEqual({ ok: false, reason });
  });

  it("does not read names inside strings: a link to .../Launch/, a line of text with /AA", () => {
    expect(checkPdf(pdf("<< /Type /Catalog >>", link("(https://campaign.example/Launch/JavaScript)")))).toEqual({ ok: true });
    expect(checkPdf(withStream("<< /Length 40 >>", Buffer.from("BT (Team /AA and /JS \\) /XFA) Tj <2F4A53> Tj ET")))).toEqual({ ok: true });
  });

  it("reads a string that holds object syntax as it stands: a viewer could be sent into it", () => {
    expect(checkPdf(pdf("<< /Type /Catalog >>", "(x\n9 0 obj << /S /Launch /F (cmd) >> endobj\n)"))).toEqual({ ok: false, reason: "pdfExternalAction" });
  });

  it("reads names to their end: /JS-Bold and /AAA are other names", () => {
    expect(checkPdf(pdf("<< /Type /Catalog >>", "<< /Type /Font /BaseFont /JS-Bold /AAA 1 >>"))).toEqual({ ok: true });
  });

  it("reads object streams through ASCII85 and PNG predictors", () => {
    const objects = "5 0 << /S /JavaScript /JS (x) >>";
    const up = Buffer.concat([Buffer.from([0]), Buffer.from(objects, "latin1")]);
    const stream = withStream(
      `<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns ${objects.length} >> >>`,
      deflateSync(up),
    );
    expect(checkPdf(stream)).toEqual({ ok: false, reason: "pdfActiveContent" });
  });

  it("refuses an object stream behind a filter it cannot decode", () => {
    expect(checkPdf(withStream("<< /Type /ObjStm /N 1 /First 4 /Filter /LZWDecode >>", Buffer.from("5 0 << >>")))).toEqual({
      ok: false,
      reason: "pdfUncheckable",
    });
  });

  it("reads objects written straight into an image's data, where a viewer could be sent by offset", () => {
    expect(checkPdf(withStream("<< /Subtype /Image /Width 1 /Height 1 >>", Buffer.from("\n9 0 obj << /S /Launch /F (x) >> endobj\n")))).toEqual({
      ok: false,
      reason: "pdfExternalAction",
    });
  });
});

describe("a PDF the checker cannot make sense of", () => {
  it("never makes it throw: every fixture cut short at many points, and with bytes changed", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const dir = new URL("../fixtures/hostile/", import.meta.url);
    const pdfs = readdirSync(dir).filter((name) => name.endsWith(".pdf"));
    let checked = 0;
    for (const name of pdfs) {
      const bytes = readFileSync(new URL(name, dir));
      for (let cut = 1; cut < bytes.length; cut += 29) {
        expect(() => checkPdf(bytes.subarray(0, cut))).not.toThrow();
        const changed = Buffer.from(bytes);
        changed[cut] = (changed[cut]! + 0x55) & 255;
        expect(() => checkPdf(changed)).not.toThrow();
        checked += 2;
      }
    }
    expect(checked).toBeGreaterThan(500);
  }, 20_000);
});
