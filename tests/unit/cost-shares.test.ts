import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "@/lib/costs/csv";
import { addCostItemSchema, amountToMinor } from "@/lib/costs/schema";
import { costShares, formatMinor, type Presenter } from "@/lib/costs/shares";

const state = (iso3: string) => ({ id: `id-${iso3}`, iso3, nameEn: `State ${iso3}` });
const presenting = (iso3: string, status = "FORMAL"): Presenter => ({ status, memberState: state(iso3) });

describe("equal cost shares (¶6)", () => {
  it("divides evenly when it can", () => {
    const [chf] = costShares([{ amountMinor: 30_000n, currency: "CHF" }], [presenting("ESP"), presenting("GHA"), presenting("BRA")]);
    expect(chf?.shares.map((s) => [s.iso3, s.amountMinor])).toEqual([
      ["BRA", 10_000n],
      ["ESP", 10_000n],
      ["GHA", 10_000n],
    ]);
  });

  it("gives the remainder cents one each to the first states by ISO alpha-3, and adds up to the total", () => {
    const [chf] = costShares(
      [
        { amountMinor: 10_000n, currency: "CHF" },
        { amountMinor: 2n, currency: "CHF" },
      ],
      [presenting("GHA"), presenting("ESP"), presenting("BRA")],
    );
    expect(chf?.totalMinor).toBe(10_002n);
    expect(chf?.shares.map((s) => [s.iso3, s.amountMinor])).toEqual([
      ["BRA", 3_334n],
      ["ESP", 3_334n],
      ["GHA", 3_334n],
    ]);
    const [usd] = costShares([{ amountMinor: 100n, currency: "USD" }], [presenting("GHA"), presenting("ESP"), presenting("BRA")]);
    expect(usd?.shares.map((s) => s.amountMinor)).toEqual([34n, 33n, 33n]);
    expect(usd?.shares.reduce((sum, s) => sum + s.amountMinor, 0n)).toBe(100n);
  });

  it("counts a state once however many candidates it presents", () => {
    const [chf] = costShares([{ amountMinor: 1_000n, currency: "CHF" }], [presenting("ESP"), presenting("ESP"), presenting("GHA")]);
    expect(chf?.shares.map((s) => s.amountMinor)).toEqual([500n, 500n]);
  });

  it("leaves out a state whose only candidate withdrew, but not one with another candidate still standing", () => {
    const [chf] = costShares(
      [{ amountMinor: 1_000n, currency: "CHF" }],
      [presenting("ESP", "WITHDRAWN"), presenting("GHA", "WITHDRAWN"), presenting("GHA"), presenting("BRA")],
    );
    expect(chf?.shares.map((s) => s.iso3)).toEqual(["BRA", "GHA"]);
  });

  it("keeps currencies apart and says when no state pays", () => {
    const shares = costShares(
      [
        { amountMinor: 500n, currency: "USD" },
        { amountMinor: 700n, currency: "CHF" },
      ],
      [presenting("ESP", "WITHDRAWN")],
    );
    expect(shares).toEqual([
      { currency: "CHF", totalMinor: 700n, shares: [] },
      { currency: "USD", totalMinor: 500n, shares: [] },
    ]);
  });

  it("is exact on large sums", () => {
    const total = 123_456_789_012_345n;
    const [eur] = costShares(
      [{ amountMinor: total, currency: "EUR" }],
      ["AAA", "BBB", "CCC", "DDD", "EEE", "FFF", "GGG"].map((c) => presenting(c)),
    );
    expect(eur?.shares.reduce((sum, s) => sum + s.amountMinor, 0n)).toBe(total);
    const amounts = eur?.shares.map((s) => s.amountMinor) ?? [];
    expect(amounts.every((a) => a - (amounts.at(-1) ?? 0n) <= 1n)).toBe(true);
  });
});

describe("amounts and currencies", () => {
  it("reads at most two decimals into cents", () => {
    expect(amountToMinor("12500")).toBe(1_250_000n);
    expect(amountToMinor("12500.5")).toBe(1_250_050n);
    expect(amountToMinor("0.07")).toBe(7n);
    expect(formatMinor(1_250_050n)).toBe("12500.50");
    expect(formatMinor(7n)).toBe("0.07");
  });

  it("refuses a third decimal, zero, text and a bad currency", () => {
    const errors = (input: object) => addCostItemSchema.safeParse(input).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    const ok = { category: "ROOM", description: "Room", amount: "10.00", currency: "chf" };
    expect(addCostItemSchema.parse(ok)).toEqual({ category: "ROOM", description: "Room", amount: 1_000n, currency: "CHF" });
    expect(errors({ ...ok, amount: "10.001" })).toEqual(["amount: adminCosts.amountInvalid"]);
    expect(errors({ ...ok, amount: "0.00" })).toEqual(["amount: adminCosts.amountPositive"]);
    expect(errors({ ...ok, amount: "1e5" })).toEqual(["amount: adminCosts.amountInvalid"]);
    expect(errors({ ...ok, currency: "FRANC" })).toEqual(["currency: adminCosts.currencyInvalid"]);
    expect(errors({ ...ok, category: "CATERING" })).toEqual(["category: choose"]);
  });
});

describe("the CSV export", () => {
  it("neutralises spreadsheet formulas and quotes separators", () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-1")).toBe("'-1");
    expect(csvCell("@SUM")).toBe("'@SUM");
    expect(csvCell("\tx")).toBe("'\tx");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell("plain")).toBe("plain");
  });

  it("lists items, totals and shares", () => {
    const csv = toCsv({
      items: [{ category: "ROOM", description: "=cmd", amountMinor: 100n, currency: "CHF" }],
      shares: [{ currency: "CHF", totalMinor: 100n, shares: [{ memberStateId: "x", iso3: "ESP", nameEn: "Spain", amountMinor: 100n }] }],
    });
    expect(csv.split("\r\n")).toEqual([
      "\uFEFFsection,category_or_state,description_or_name,amount,currency",
      "item,ROOM,'=cmd,1.00,CHF",
      "total,,,1.00,CHF",
      "share,ESP,Spain,1.00,CHF",
      "",
    ]);
  });
});
