import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { createDb, type PrismaClient } from "../../lib/db/client";
import { FORM_BODY_MAX_BYTES, MB, PDF_MAX_BYTES } from "../../lib/uploads/limits";
import { unique } from "../support/factories";
import { e2eBaseUrl, SESSION_COOKIE, sessionToken, signInAs } from "./support/session";
import { makeWorldCandidate, makeWorldConference, makeWorldPost } from "./support/world";

// Uploads through the running server, as a browser without script posts them (the form's
// own server action): the proxy buffers a form's body up to the largest form file's limit
// (next.config.ts, lib/uploads/limits.ts), so a valid 15 MB brochure is stored; a file past
// its kind's limit, a body past any form's, a file name with a NUL byte and a hostile file
// are refused in the page's language, never with a 500, and the file already attached
// stays (docs/decisions/026-upload-checks.md). Requests only, but for the last test: what the
// form does in a browser with a file past its limit.

const base = e2eBaseUrl();
let db: PrismaClient;
let dir: string;

test.beforeAll(async () => {
  const url = process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set");
  db = createDb(url);
  dir = await mkdtemp(path.join(tmpdir(), "hustings-uploads-"));
});

test.afterAll(async () => {
  await db?.$disconnect();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/**
 * A valid PDF of about `bytes`: one page showing one grey image, whose uncompressed samples
 * (a ramp: consecutive byte values, which spell no markup or program header) fill the size.
 */
function paddedPdf(bytes: number): Buffer {
  const side = Math.floor(Math.sqrt(Math.max(1, bytes - 1024)));
  const samples = Buffer.alloc(side * side);
  for (let i = 0; i < samples.length; i++) samples[i] = i % 251;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>",
  ];
  const content = "q 595 0 0 842 0 0 cm /Im1 Do Q";
  const parts: Buffer[] = [Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  const add = (chunk: Buffer) => {
    parts.push(chunk);
    at += chunk.length;
  };
  objects.forEach((object, i) => {
    offsets.push(at);
    add(Buffer.from(`${i + 1} 0 obj\n${object}\nendobj\n`, "latin1"));
  });
  offsets.push(at);
  add(Buffer.from(`4 0 obj\n<< /Length ${content.length} >>\nstream\n${content}\nendstream\nendobj\n`, "latin1"));
  offsets.push(at);
  add(
    Buffer.from(
      `5 0 obj\n<< /Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceGray /BitsPerComponent 8 /Length ${samples.length} >>\nstream\n`,
      "latin1",
    ),
  );
  add(samples);
  add(Buffer.from("\nendstream\nendobj\n", "latin1"));
  const xref = at;
  const table = offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  add(Buffer.from(`xref\n0 6\n0000000000 65535 f \n${table}trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`, "latin1"));
  return Buffer.concat(parts);
}

/** A formal candidate with a draft brochure, and their session cookie. */
async function candidateWithBrochure() {
  const conference = await makeWorldConference(db);
  const post = await makeWorldPost(db, conference);
  const candidate = await makeWorldCandidate(db, post);
  const brochure = await db.material.create({ data: { candidateId: candidate.id, kind: "BROCHURE", title: unique("Programme"), language: "en" } });
  const cookie = `${SESSION_COOKIE}=${await sessionToken(candidate.user)}`;
  return { candidate, brochure, cookie };
}

const decodeEntities = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The hidden fields of the form named `label` on the page, as a browser without script would send them. */
async function formOf(pagePath: string, cookie: string, label: string): Promise<[string, string][]> {
  const response = await fetch(`${base}${pagePath}`, { headers: { cookie } });
  expect(response.status).toBe(200);
  const html = await response.text();
  const form = new RegExp(`<form[^>]*aria-label="${label}"[^>]*>([\\s\\S]*?)</form>`).exec(html)?.[1];
  expect(form, `the form "${label}" on ${pagePath}`).toBeTruthy();
  return [...form!.matchAll(/<input(?=[^>]*type="hidden")[^>]*>/g)].flatMap(([input]) => {
    const name = /name="([^"]*)"/.exec(input)?.[1];
    return name ? [[decodeEntities(name), decodeEntities(/value="([^"]*)"/.exec(input)?.[1] ?? "")] as [string, string]] : [];
  });
}

/** A multipart body written byte by byte, so that a file name may hold what no browser sends. */
function multipart(fields: [string, string][], file: { field: string; name: string; bytes: Buffer }) {
  const boundary = `----hustings${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = fields.map(([name, value]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`, "utf8"),
  );
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: application/pdf\r\n\r\n`,
      "utf8",
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`, "utf8"),
  );
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** Posts the brochure form as a browser without script would: the page answers with the form's outcome. */
async function postBrochure(brochureId: string, cookie: string, file: { name: string; bytes: Buffer }, locale = "en") {
  const page = `/${locale}/my/materials/${brochureId}`;
  const label = locale === "en" ? "Upload brochure" : "Téléverser la brochure";
  const fields = (await formOf(page, cookie, label)).filter(([name]) => name !== "locale");
  const { body, contentType } = multipart([...fields, ["locale", locale]], { field: "file", ...file });
  const response = await fetch(`${base}${page}`, {
    method: "POST",
    headers: { cookie, origin: base, "content-type": contentType },
    body: new Uint8Array(body),
  });
  return { status: response.status, html: await response.text(), contentType: response.headers.get("content-type") ?? "" };
}

/** The form's refusal, or its confirmation, as the page shows it (components/forms/action-form.tsx). */
const alertOf = (html: string) => decodeEntities(/data-testid="form-error"[^>]*>([^<]*)</.exec(html)?.[1] ?? "");
const statusOf = (html: string) => decodeEntities(/data-testid="form-success"[^>]*>(?:<p>)?([^<]*)</.exec(html)?.[1] ?? "");
const fileOf = (id: string) => db.material.findUniqueOrThrow({ where: { id }, select: { fileKey: true, sizeBytes: true, fileName: true } });

test("a 15 MB brochure is stored; past its limit, past any form's, or with a NUL in its name it is refused in the page's language and the stored one stays", async () => {
  test.setTimeout(120_000);
  const { brochure, cookie } = await candidateWithBrochure();

  // Written to a temporary folder and read back, as a browser reads a chosen file.
  const valid = path.join(dir, "programme.pdf");
  await writeFile(valid, paddedPdf(15 * MB));
  const bytes = await readFile(valid);
  expect(bytes.length).toBeGreaterThan(14.5 * MB);

  const saved = await postBrochure(brochure.id, cookie, { name: "Programme 2026.pdf", bytes });
  expect(saved.status).toBe(200);
  expect(statusOf(saved.html)).toBe("The brochure file has been attached.");
  const stored = await fileOf(brochure.id);
  expect(stored).toMatchObject({ fileName: "Programme 2026.pdf", sizeBytes: BigInt(bytes.length) });
  const served = await fetch(`${base}/api/files/${stored.fileKey}`, { headers: { cookie } });
  expect(served.status).toBe(200);
  expect((await served.arrayBuffer()).byteLength).toBe(bytes.length);

  // Past the brochure's 20 MB, within what a form may send: the service's refusal, in place.
  const over = await postBrochure(brochure.id, cookie, { name: "big.pdf", bytes: paddedPdf(PDF_MAX_BYTES + 256 * 1024) });
  expect(over.status).toBe(200);
  expect(alertOf(over.html)).toBe("The file is too large. The limit is 20 MB.");

  // Past what any form may send: the proxy's 413, before the body is read, in French for a French page.
  const huge = paddedPdf(FORM_BODY_MAX_BYTES + MB);
  const refusedFr = await postBrochure(brochure.id, cookie, { name: "enorme.pdf", bytes: huge }, "fr");
  expect(refusedFr.status).toBe(413);
  expect(refusedFr.contentType).toContain("text/plain");
  expect(refusedFr.html).toBe(
    "Cet envoi est trop volumineux : aucun fichier envoyé depuis cette page ne peut dépasser 20 Mo. La limite de chaque type de fichier est indiquée à côté de son champ.",
  );
  // A server action called by script: the same 413, as the plain text Next's client shows.
  const scripted = await fetch(`${base}/en/my/materials/${brochure.id}`, {
    method: "POST",
    headers: { cookie, origin: base, "next-action": "0".repeat(42), "content-type": "multipart/form-data; boundary=x" },
    body: new Uint8Array(huge),
  });
  expect(scripted.status).toBe(413);
  expect(scripted.headers.get("content-type")).toBe("text/plain");
  expect(await scripted.text()).toMatch(/^This upload is too large: no file sent from this page may exceed 20 MB\./);

  // A NUL byte in the name: refused by name, in place.
  const nul = await postBrochure(brochure.id, cookie, { name: "pro\u0000gramme.pdf", bytes: paddedPdf(64 * 1024) });
  expect(nul.status).toBe(200);
  expect(alertOf(nul.html)).toBe("The file's name contains control characters (such as a NUL byte). Rename the file and choose it again.");

  // A hostile brochure: a link that runs script, written as a hex string.
  const hostile = Buffer.from(
    "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n" +
      "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots [<< /Type /Annot /Subtype /Link /Rect [0 0 595 842] /A << /S /URI /URI <6a6176617363726970743a616c657274283129> >> >>] >>\nendobj\n" +
      "trailer\n<< /Root 1 0 R /Size 4 >>\n%%EOF\n",
    "latin1",
  );
  const link = await postBrochure(brochure.id, cookie, { name: "links.pdf", bytes: hostile });
  expect(link.status).toBe(200);
  expect(alertOf(link.html)).toBe("A link in the PDF uses an address that is not a web or e-mail address. Only https, http and mailto links are accepted.");

  // Nothing refused replaced or lost the stored brochure.
  expect(await fileOf(brochure.id)).toEqual(stored);
  const still = await fetch(`${base}/api/files/${stored.fileKey}`, { headers: { cookie } });
  expect(still.status).toBe(200);
  await still.body?.cancel();
});

test("the video route refuses a hostile file and a NUL name with a 400 in the asker's language", async () => {
  const { candidate, cookie } = await candidateWithBrochure();
  const video = await db.material.create({ data: { candidateId: candidate.id, kind: "VIDEO", title: unique("Video"), language: "en" } });
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write("ftypisom", 4, "latin1");
  ftyp.write("isomiso2avc1mp41", 8, "latin1");
  // HTML 40 KiB in: past the first and last KiB that were the only ones read before.
  const late = Buffer.concat([ftyp, Buffer.alloc(40 * 1024), Buffer.from("<svg onload=alert(1)>", "latin1"), Buffer.alloc(40 * 1024)]);
  const put = (bytes: Buffer, name: string, locale: string) =>
    fetch(`${base}/api/materials/${video.id}/video?locale=${locale}`, {
      method: "PUT",
      headers: { cookie, origin: base, "content-type": "video/mp4", "x-file-name": name },
      body: new Uint8Array(bytes),
    });

  const hostile = await put(late, "clip.mp4", "es");
  expect(hostile.status).toBe(400);
  expect(await hostile.json()).toEqual({
    error: (JSON.parse(await readFile("lib/i18n/messages/es/uploads.json", "utf8")) as Record<string, string>).polyglot,
  });
  const nul = await put(Buffer.concat([ftyp, Buffer.alloc(1024)]), "clip%00.mp4", "en");
  expect(nul.status).toBe(400);
  expect(await nul.json()).toEqual({ error: "The file's name contains control characters (such as a NUL byte). Rename the file and choose it again." });
  expect(await db.material.findUniqueOrThrow({ where: { id: video.id }, select: { fileKey: true } })).toEqual({ fileKey: null });
});

test("in a browser, a 15 MB brochure is sent and stored, and a file past its kind's limit is not sent: the form says so at once", async ({ page }) => {
  test.setTimeout(120_000);
  const { candidate, brochure } = await candidateWithBrochure();
  await signInAs(page, candidate.user);
  // The scripted server action (what a browser with script sends) through the proxy's buffer.
  await page.goto(`/en/my/materials/${brochure.id}`);
  const brochureForm = page.getByRole("form", { name: "Upload brochure" });
  await brochureForm.getByLabel("Brochure file").setInputFiles({ name: "Programme.pdf", mimeType: "application/pdf", buffer: paddedPdf(15 * MB) });
  await brochureForm.getByRole("button", { name: "Upload brochure" }).click();
  await expect(brochureForm.getByTestId("form-success")).toHaveText("The brochure file has been attached.", { timeout: 60_000 });
  expect(Number((await fileOf(brochure.id)).sizeBytes)).toBeGreaterThan(14.5 * MB);

  await page.goto("/en/my/profile");
  const form = page.getByRole("form", { name: "Upload photograph" });
  const input = form.getByLabel("Photograph file");
  await input.setInputFiles({ name: "portrait.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(5 * MB + 1) });
  await expect(form.getByRole("alert")).toHaveText("The file is too large. The limit is 5 MB.");
  await expect(input).toHaveValue("");
  await expect(input).toHaveAttribute("aria-invalid", "true");
});
