import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  drawBlock,
  drawMessage,
  drawPermutation,
  drawQuestions,
  normaliseEntropy,
  rejectionLimit,
  seedHash,
  sortIds,
  traceDraw,
  uniformIndex,
  type DrawKindName,
} from "@/lib/draw/verifiable-draw";
import { EXAMPLE_QUESTIONS, EXAMPLE_RUNNING_ORDER } from "@/lib/draw/worked-example";
import { BEGIN, END, workedExampleMarkdown } from "../../scripts/draw-worked-example";

// docs/draw-specification.md is what a delegate reads: this test reads its worked example
// (the labelled values in its text blocks, its hex dump and its table) and checks that the
// implementation gives every one of them.

const DOC = readFileSync(new URL("../../docs/draw-specification.md", import.meta.url), "utf8");

type Parsed = {
  values: Map<string, string>;
  lists: Map<string, string[]>;
  dump: number[];
  rows: {
    i: number;
    bound: number;
    limit: number;
    words: { block: number; index: number; hex: string; value: number; rejected: boolean }[];
    j: number;
    after: string[];
  }[];
};

function unquote(value: string | undefined): string {
  if (value === undefined || !/^".*"$/.test(value)) throw new Error(`Expected a quoted value, got ${value}`);
  return value.slice(1, -1);
}

function parseExample(section: string): Parsed {
  const values = new Map<string, string>();
  const lists = new Map<string, string[]>();
  const dump: number[] = [];
  const rows: Parsed["rows"] = [];
  let inFence = false;
  let list: string[] | null = null;
  for (const line of section.split("\n")) {
    if (line.startsWith("```")) {
      inFence = !inFence;
      list = null;
      continue;
    }
    if (inFence) {
      const item = /^ {2}\[(\d+)\] (\S+)$/.exec(line);
      const pair = /^([a-z0-9 .()]+?) =(?: (.*))?$/.exec(line);
      const hex = /^([0-9a-f]{4}) {2}((?:[0-9a-f]{2} ?)+)/.exec(line);
      if (item && list) {
        expect(Number(item[1])).toBe(list.length);
        list.push(item[2] as string);
      } else if (hex) {
        expect(parseInt(hex[1] as string, 16)).toBe(dump.length);
        dump.push(
          ...(hex[2] as string)
            .trim()
            .split(" ")
            .map((b) => parseInt(b, 16)),
        );
      } else if (pair) {
        const [, label, value] = pair as unknown as [string, string, string | undefined];
        if (value === undefined) {
          list = [];
          lists.set(label, list);
        } else {
          values.set(label, value);
          list = null;
        }
      } else if (line.trim() !== "") {
        throw new Error(`Unparsed line in the worked example: ${line}`);
      }
      continue;
    }
    const row = /^\| (\d+) \| (\d+) \| (\d+) \| (.+) \| (\d+) \| (.+) \|$/.exec(line);
    if (row) {
      rows.push({
        i: Number(row[1]),
        bound: Number(row[2]),
        limit: Number(row[3]),
        words: (row[4] as string).split("; ").map((w) => {
          const m = /^(\d+)\.(\d+): ([0-9a-f]{8}) = (\d+)( rejected)?$/.exec(w);
          if (!m) throw new Error(`Unparsed word: ${w}`);
          return { block: Number(m[1]), index: Number(m[2]), hex: m[3] as string, value: Number(m[4]), rejected: m[5] !== undefined };
        }),
        j: Number(row[5]),
        after: (row[6] as string).split(" "),
      });
    }
  }
  return { values, lists, dump, rows };
}

function section(letter: "A" | "B"): Parsed {
  const from = DOC.indexOf(`### Example ${letter}:`);
  expect(from).toBeGreaterThan(0);
  const next = DOC.indexOf("### Example ", from + 1);
  const to = next > 0 ? next : DOC.indexOf(END);
  return parseExample(DOC.slice(from, to));
}

function get(p: Parsed, label: string): string {
  const value = p.values.get(label);
  if (value === undefined) throw new Error(`The worked example has no "${label}"`);
  return value;
}
function getList(p: Parsed, label: string): string[] {
  const value = p.lists.get(label);
  if (value === undefined) throw new Error(`The worked example has no list "${label}"`);
  return value;
}

describe.each([
  ["A", EXAMPLE_RUNNING_ORDER],
  ["B", EXAMPLE_QUESTIONS],
] as const)("the specification's worked example %s", (letter, constants) => {
  const doc = section(letter);
  const seed = get(doc, "seed");
  const kind = get(doc, "kind") as DrawKindName;
  const hearingId = get(doc, "hearing id");
  const candidate = unquote(get(doc, "candidate id"));
  const candidateId = candidate === "" ? null : candidate;
  const typed = unquote(get(doc, "entropy as typed"));
  const listed = getList(doc, "ids as listed");
  const count = Number(get(doc, "count"));
  const entropy = get(doc, "entropy");
  const input = { seed, kind, hearingId, candidateId, entropy, eligibleIds: listed };

  it("is the example the public page computes", () => {
    expect({ seed, kind, hearingId, candidateId, entropyTyped: typed, idsListed: listed, count }).toEqual(constants);
  });

  it("gives the commitment, the normalised entropy and the sorted ids", () => {
    expect(get(doc, "commitment")).toBe(seedHash(seed));
    // §3 read literally: SHA-256 over the 32 decoded bytes.
    expect(get(doc, "commitment")).toBe(createHash("sha256").update(Buffer.from(seed, "hex")).digest("hex"));
    expect(normaliseEntropy(typed)).toBe(entropy);
    expect(getList(doc, "sorted ids")).toEqual(sortIds(listed));
  });

  it("gives the message's lines and bytes", () => {
    const { message } = drawMessage(input);
    const lines = [...doc.values.entries()].filter(([label]) => /^line \d+$/.test(label)).map(([, value]) => unquote(value));
    expect(lines).toEqual(message.toString("ascii").split("\n"));
    expect(Number(get(doc, "message length"))).toBe(message.length);
    expect(Buffer.from(doc.dump).toString("hex")).toBe(message.toString("hex"));
    expect(lines[3]).toBe(candidate);
  });

  it("gives every HMAC block and every word", () => {
    const { message } = drawMessage(input);
    const trace = traceDraw(input);
    const blocks = [...doc.values.keys()].filter((label) => /^block \d+$/.test(label));
    expect(blocks).toHaveLength(trace.blocks.length);
    blocks.forEach((label, k) => {
      expect(label).toBe(`block ${k}`);
      expect(get(doc, `block ${k} counter bytes`)).toBe(Buffer.from([0, 0, 0, k]).toString("hex"));
      const mac = get(doc, label);
      expect(mac).toBe(drawBlock(Buffer.from(seed, "hex"), message, k).toString("hex"));
      expect(mac).toBe(trace.blocks[k]?.mac.toString("hex"));
      for (let n = 0; n < 8; n++) {
        const word = Buffer.from(mac, "hex").readUInt32BE(n * 4);
        expect(get(doc, `word ${k}.${n}`)).toBe(`${word.toString(16).padStart(8, "0")} = ${word}`);
      }
    });
    if (letter === "A") expect(trace.blocks.length).toBeGreaterThan(1);
  });

  it("gives each step: i, bound, limit, the words taken, j and the list after the swap", () => {
    const trace = traceDraw(input);
    expect(doc.rows).toHaveLength(trace.steps.length);
    let taken = 0;
    doc.rows.forEach((row, s) => {
      const step = trace.steps[s];
      expect(row.i).toBe(listed.length - 1 - s);
      expect(row.bound).toBe(row.i + 1);
      expect(row.limit).toBe(2 ** 32 - (2 ** 32 % row.bound));
      expect(row.limit).toBe(rejectionLimit(row.bound));
      expect({ i: row.i, bound: row.bound, limit: row.limit, j: row.j, after: row.after }).toEqual({
        i: step?.i,
        bound: step?.bound,
        limit: step?.limit,
        j: step?.j,
        after: step?.after,
      });
      expect(row.words.map((w) => ({ word: w.value, accepted: !w.rejected }))).toEqual(step?.tries);
      for (const w of row.words) {
        // Words are taken in order, each once: the n-th word taken is word n mod 8 of block ⌊n/8⌋.
        expect([w.block, w.index]).toEqual([Math.floor(taken / 8), taken % 8]);
        taken++;
        expect(get(doc, `word ${w.block}.${w.index}`)).toBe(`${w.hex} = ${w.value}`);
      }
      const accepted = row.words.at(-1);
      expect(accepted?.rejected).toBe(false);
      expect(row.j).toBe((accepted?.value ?? -1) % row.bound);
    });
  });

  it("gives the permutation and the drawn result", () => {
    expect(getList(doc, "permutation")).toEqual(drawPermutation(input));
    if (kind === "QUESTIONS") {
      expect(getList(doc, `drawn (first ${count})`)).toEqual(drawQuestions({ ...input, count }));
      expect(getList(doc, `drawn (first ${count})`)).toEqual(getList(doc, "permutation").slice(0, count));
    }
  });
});

describe("the specification document", () => {
  it("carries the example exactly as the script prints it (run `npx tsx scripts/draw-worked-example.ts --write` after a change)", () => {
    const from = DOC.indexOf(BEGIN);
    const to = DOC.indexOf(END);
    expect(from).toBeGreaterThan(0);
    expect(DOC.slice(from, to + END.length)).toBe(workedExampleMarkdown());
  });

  it("rejects words at or above the limit, as §9 says (a case the example cannot show)", () => {
    const words = [4_294_967_295, 4_294_967_290, 4_294_967_289];
    const seen: [number, boolean][] = [];
    const j = uniformIndex(
      () => words.shift() as number,
      10,
      (w, accepted) => seen.push([w, accepted]),
    );
    expect(rejectionLimit(10)).toBe(4_294_967_290);
    expect(seen).toEqual([
      [4_294_967_295, false],
      [4_294_967_290, false],
      [4_294_967_289, true],
    ]);
    expect(j).toBe(9);
    expect(rejectionLimit(8)).toBe(2 ** 32);
  });
});
