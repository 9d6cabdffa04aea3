import { describe, expect, it } from "vitest";
import { contentDisposition, randomStoredName, sanitiseFileName, STORED_KEY } from "@/lib/uploads/file-name";

describe("original names are sanitised for display and download", () => {
  it.each([
    ["../../etc/passwd.png", "jpg", "passwd.jpg"],
    ["..\\..\\windows\\system32\\evil.pdf", "pdf", "evil.pdf"],
    ["photo\u202Egpj.exe", "jpg", "photogpj.jpg"],
    ["\u2067isolate\u2069\u200Ename\u200F.pdf", "pdf", "isolatename.pdf"],
    ["brochure.pdf.exe", "pdf", "brochure.pdf"],
    ["photo.jpg.html", "jpg", "photo.jpg"],
    ["a\u0000b\u0007c\r\n.pdf", "pdf", "abc.pdf"],
    ["Cafe\u0301 programme.pdf", "pdf", "Caf\u00e9 programme.pdf"],
    ['q"u<o>t|e?s*.pdf', "pdf", "q_u_o_t_e_s_.pdf"],
    ["...", "pdf", "file.pdf"],
    ["", "png", "file.png"],
    ["ملف السيرة الذاتية.pdf", "pdf", "ملف السيرة الذاتية.pdf"],
  ])("%j → %j", (original, extension, expected) => {
    expect(sanitiseFileName(original, extension)).toBe(expected);
  });

  it("limits the length", () => {
    expect(sanitiseFileName(`${"x".repeat(500)}.pdf`, "pdf")).toBe(`${"x".repeat(100)}.pdf`);
  });

  it("stores under 128 random bits, never the same twice", () => {
    const a = randomStoredName("pdf");
    expect(a).toMatch(STORED_KEY);
    expect(randomStoredName("pdf")).not.toBe(a);
  });

  it("builds a Content-Disposition that cannot be broken out of", () => {
    expect(contentDisposition("attachment", 'r\u00e9sum\u00e9 "x".pdf')).toBe(
      `attachment; filename="r_sum_ _x_.pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%22x%22.pdf`,
    );
    expect(contentDisposition("inline", "it's (1).pdf")).toBe(`inline; filename="it's (1).pdf"; filename*=UTF-8''it%27s%20%281%29.pdf`);
  });
});
