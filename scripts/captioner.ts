// A small captioner (docs/decisions/040-captions.md): sends caption lines from a file to a
// hearing's ingest, one after another, as a captioner or a captioning service would.
//
//   npm run captioner -- --url http://localhost:3000 --hearing <id> --key <key> --file lines.txt
//   npm run captioner -- --demo            the live demo hearing, with its public demo key, looping
//
// A line is "language: text" (floor, ar, en, es, fr, ru, zh) or just text (then --language,
// default floor); "#" starts a comment. Options: --every <ms> between lines (default 2500),
// --loop to start over at the end, --wait to keep trying while the hearing has not started.
// Each line is sent with its own sequence number and sent again, unchanged, after a failure: the
// ingest takes it once. Without --hearing, the hearing live now (/api/live) is used.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { DEMO_CAPTIONER_KEY } from "../prisma/demo/captions";

const LANGUAGES = new Set(["floor", "ar", "en", "es", "fr", "ru", "zh"]);
const DEMO_FILE = fileURLToPath(new URL("./captioner-demo.txt", import.meta.url));

type Options = { url: string; hearing?: string; key: string; file: string; language: string; every: number; loop: boolean; wait: boolean };
export type Line = { language: string; text: string };

function parseArgs(argv: string[]): Options {
  const value = (name: string) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const flag = (name: string) => argv.includes(`--${name}`);
  const demo = flag("demo");
  const key = value("key") ?? process.env.CAPTIONER_KEY ?? (demo ? DEMO_CAPTIONER_KEY : undefined);
  const file = value("file") ?? (demo ? DEMO_FILE : undefined);
  if (!key || !file) throw new Error("Give --key (or CAPTIONER_KEY) and --file, or --demo. See the comment at the top of scripts/captioner.ts.");
  return {
    url: (value("url") ?? process.env.HUSTINGS_URL ?? "http://localhost:3000").replace(/\/$/, ""),
    hearing: value("hearing"),
    key,
    file,
    language: value("language") ?? "floor",
    every: Number(value("every") ?? 2_500),
    loop: demo || flag("loop"),
    wait: demo || flag("wait"),
  };
}

/** The file's caption lines. */
export function parseLines(text: string, fallback: string): Line[] {
  const lines: Line[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const match = /^([a-z]{2,5}):\s+(.*)$/.exec(line);
    if (match && LANGUAGES.has(match[1] ?? "")) lines.push({ language: match[1]!, text: match[2]! });
    else lines.push({ language: fallback, text: line });
  }
  return lines;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function liveHearing(url: string): Promise<string | null> {
  const response = await fetch(`${url}/api/live`, { headers: { accept: "application/json" } });
  const body = (await response.json()) as { live?: { hearingId: string; isCurrent: boolean }[] };
  return (body.live ?? []).find((h) => h.isCurrent)?.hearingId ?? body.live?.[0]?.hearingId ?? null;
}

/** Sends one cue until it is taken (or refused for good); returns false when the captioner should stop. */
async function send(options: Options, hearing: string, cue: Line & { seq: number }): Promise<boolean> {
  for (;;) {
    let response: Response;
    try {
      response = await fetch(`${options.url}/api/hearings/${encodeURIComponent(hearing)}/captions`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${options.key}` },
        body: JSON.stringify(cue),
      });
    } catch (error) {
      console.warn(`not reached (${String(error)}); again in 2 s`);
      await sleep(2_000);
      continue;
    }
    const body = (await response.json().catch(() => ({}))) as { error?: string; accepted?: number; hearing?: string };
    if (response.ok) {
      console.log(`${cue.language} #${cue.seq}${body.accepted === 0 ? " (already taken)" : ""}: ${cue.text}`);
      return true;
    }
    if (response.status === 429 || response.status >= 500) {
      const wait = Number(response.headers.get("retry-after") ?? 2) * 1_000;
      console.warn(`${response.status} ${body.error ?? ""}; again in ${wait / 1000} s`);
      await sleep(wait);
      continue;
    }
    if (response.status === 409 && options.wait && body.hearing === "notStarted") {
      console.warn(`${body.error ?? "not live"}; waiting for the start`);
      await sleep(5_000);
      continue;
    }
    console.error(`${response.status} ${body.error ?? ""}${"fieldErrors" in body ? ` ${JSON.stringify((body as { fieldErrors: unknown }).fieldErrors)}` : ""}`);
    return response.status === 400;
  }
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const lines = parseLines(await readFile(options.file, "utf8"), options.language);
  if (lines.length === 0) throw new Error(`${options.file} has no caption lines`);
  let hearing = options.hearing ?? null;
  while (!hearing) {
    hearing = await liveHearing(options.url).catch(() => null);
    if (hearing || !options.wait) break;
    console.warn("no hearing is live yet; waiting for the chair's start");
    await sleep(5_000);
  }
  if (!hearing) {
    console.error("No hearing is live: give --hearing <id>, or --wait.");
    return 1;
  }
  console.log(`captioning hearing ${hearing} at ${options.url}`);
  // A sequence per line that grows across runs (a tenth of a second's count), so a new run never replays an old one's numbers.
  let seq = Math.floor(Date.now() / 100) % 2_000_000_000;
  do {
    for (const line of lines) {
      seq += 1;
      if (!(await send(options, hearing, { ...line, seq }))) return 1;
      await sleep(options.every / (line.language === "floor" ? 1 : 4));
    }
  } while (options.loop);
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
