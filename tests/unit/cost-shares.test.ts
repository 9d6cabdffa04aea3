import { describe, expect, it } from "vitest";
import { costCurrencies, currencyDigits, decimalToMinor, formatAmount, formatMinor, formatMoney, isCostCurrency, storedDigits } from "@/lib/costs/currencies";
import { toCsv } from "@/lib/costs/csv";
import { addCostItemSchema } from "@/lib/costs/schema";
import { costBasis, costShares, projectedStates, snapshotStates, type Presenter, type SharingState } from "@/lib/costs/shares";
import { csvCell, csvLine, neutraliseFormulas } from "@/lib/http/csv";
import { parseCsv } from "../support/csv";

const state = (iso3: string): SharingState => ({ id: `id-${iso3}`, iso3, iso2: iso3.slice(0, 2), nameEn: `State ${iso3}` });
const presenting = (iso3: string, status = "FORMAL"): Presenter => ({ status, memberState: state(iso3) });
const states = (...codes: string[]) => codes.map(state);

describe("equal cost shares (¶6)", () => {
  it("divides evenly when it can", () => {
    const [chf] = costShares([{ amountMinor: 30_000n, currency: "CHF" }], states("ESP", "GHA", "BRA"));
    expect(chf?.shares.map((s) => [s.iso3, s.amountMinor])).toEqual([
      ["BRA", 10_000n],
      ["ESP", 10_000n],
      ["GHA", 10_000n],
    ]);
  });

  it("gives the remainder minor units one each to the first states by ISO alpha-3, and adds up to the total", () => {
    const [chf] = costShares(
      [
        { amountMinor: 10_000n, currency: "CHF" },
        { amountMinor: 2n, currency: "CHF" },
      ],
      states("GHA", "ESP", "BRA"),
    );
    expect(chf?.totalMinor).toBe(10_002n);
    expect(chf?.shares.map((s) => [s.iso3, s.amountMinor])).toEqual([
      ["BRA", 3_334n],
      ["ESP", 3_334n],
      ["GHA", 3_334n],
    ]);
    const [usd] = costShares([{ amountMinor: 100n, currency: "USD" }], states("GHA", "ESP", "BRA"));
    expect(usd?.shares.map((s) => s.amountMinor)).toEqual([34n, 33n, 33n]);
    expect(usd?.shares.reduce((sum, s) => sum + s.amountMinor, 0n)).toBe(100n);
  });

  it("shares 1000 CHF among nine states to the centime: 111.12 once, 111.11 eight times", () => {
    const [chf] = costShares([{ amountMinor: 100_000n, currency: "CHF" }], states("AAA", "BBB", "CCC", "DDD", "EEE", "FFF", "GGG", "HHH", "III"));
    expect(chf?.shares.map((s) => formatMinor(s.amountMinor, "CHF"))).toEqual(["111.12", ...Array<string>(8).fill("111.11")]);
  });

  it("keeps currencies apart and says when no state shares", () => {
    expect(
      costShares(
        [
          { amountMinor: 500n, currency: "USD" },
          { amountMinor: 700n, currency: "CHF" },
        ],
        [],
      ),
    ).toEqual([
      { currency: "CHF", totalMinor: 700n, shares: [] },
      { currency: "USD", totalMinor: 500n, shares: [] },
    ]);
  });

  it("is exact on large sums", () => {
    const total = 123_456_789_012_345n;
    const [eur] = costShares([{ amountMinor: total, currency: "EUR" }], states("AAA", "BBB", "CCC", "DDD", "EEE", "FFF", "GGG"));
    expect(eur?.shares.reduce((sum, s) => sum + s.amountMinor, 0n)).toBe(total);
    const amounts = eur?.shares.map((s) => s.amountMinor) ?? [];
    expect(amounts.every((a) => a - (amounts.at(-1) ?? 0n) <= 1n)).toBe(true);
  });
});

describe("who shares: a projection before the start, the snapshot after", () => {
  it("bases a hearing's shares on its snapshot from the start on", () => {
    expect(costBasis({ status: "SCHEDULED" })).toBe("PROJECTION");
    for (const status of ["LIVE", "ENDED"]) expect(costBasis({ status })).toBe("SNAPSHOT");
  });

  it("projects over the current presenters: a state once, a withdrawn candidate's state only if another still stands", () => {
    const projected = projectedStates([
      presenting("ESP", "WITHDRAWN"),
      presenting("GHA", "WITHDRAWN"),
      presenting("GHA"),
      presenting("BRA"),
      presenting("BRA"),
    ]);
    expect(projected.map((s) => s.iso3)).toEqual(["BRA", "GHA"]);
  });

  it("shares over exactly the states on the running order at the start, whatever their candidates became", () => {
    const known = states("BRA", "ESP", "GHA", "NOR");
    // ESP's candidate withdrew after the start, NOR's was added by a change after it: ESP pays, NOR never does.
    const snapshot = snapshotStates(["id-GHA", "id-ESP", "id-BRA"], known);
    expect(snapshot.map((s) => s.iso3)).toEqual(["BRA", "ESP", "GHA"]);
    const [chf] = costShares([{ amountMinor: 100_000n, currency: "CHF" }], snapshot);
    expect(chf?.shares.map((s) => [s.iso3, s.amountMinor])).toEqual([
      ["BRA", 33_334n],
      ["ESP", 33_333n],
      ["GHA", 33_333n],
    ]);
    expect(snapshotStates([], known)).toEqual([]);
  });
});

describe("ISO 4217 currencies and their minor units", () => {
  it("knows the standard's codes and their minor units, and refuses codes it does not define or without minor units", () => {
    expect([currencyDigits("JPY"), currencyDigits("CHF"), currencyDigits("BHD"), currencyDigits("KWD"), currencyDigits("CLF")]).toEqual([0, 2, 3, 3, 4]);
    // CLDR (Intl) shows IQD with 0 digits; ISO 4217 gives it 3.
    expect(currencyDigits("IQD")).toBe(3);
    for (const code of ["XYZ", "ABC", "chf", "XAU", "XXX", "XTS", "XDR"]) expect(isCostCurrency(code)).toBe(false);
    expect(costCurrencies()).toContain("EUR");
    expect(costCurrencies().length).toBeGreaterThan(150);
    // An amount stored before codes were checked stays in hundredths.
    expect(storedDigits("XYZ")).toBe(2);
  });

  it("reads a typed amount in the currency's minor units, refusing more decimals than it has", () => {
    expect(decimalToMinor("12500", 0)).toBe(12_500n);
    expect(decimalToMinor("12500.5", 0)).toBeNull();
    expect(decimalToMinor("12500.5", 2)).toBe(1_250_050n);
    expect(decimalToMinor("0.07", 2)).toBe(7n);
    expect(decimalToMinor("1.25", 3)).toBe(1_250n);
    expect(decimalToMinor("1.255", 3)).toBe(1_255n);
    expect(decimalToMinor("1.2555", 3)).toBeNull();
  });

  it("writes minor units back with the currency's decimals", () => {
    expect(formatMinor(1_250_050n, "CHF")).toBe("12500.50");
    expect(formatMinor(7n, "CHF")).toBe("0.07");
    expect(formatMinor(12_500n, "JPY")).toBe("12500");
    expect(formatMinor(1_250n, "BHD")).toBe("1.250");
    expect(formatMinor(5n, "KWD")).toBe("0.005");
    expect(formatMinor(-5n, "CHF")).toBe("-0.05");
  });

  it("formats for a reader with the locale's separators, the code and every ISO minor unit", () => {
    // Intl separates with no-break spaces.
    const money = (...args: Parameters<typeof formatMoney>) => formatMoney(...args).replace(/\s/g, " ");
    expect(money("en", 123_456n, "CHF")).toBe("CHF 1,234.56");
    expect(money("en", 12_500n, "JPY")).toBe("JPY 12,500");
    expect(money("en", 1_250n, "BHD")).toBe("BHD 1.250");
    expect(money("en", 1_250n, "IQD")).toBe("IQD 1.250");
    expect(money("fr", 123_456n, "CHF")).toBe("1 234,56 CHF");
    expect(formatAmount("en", 10_001n, "CHF")).toBe("100.01");
    expect(formatAmount("de", 10_001n, "CHF")).toBe("100,01");
    // Past 2^53: no float in between.
    expect(formatAmount("en", 123_456_789_012_345_678n, "EUR")).toBe("1,234,567,890,123,456.78");
  });

  it("validates an item in the currency's minor units and refuses unknown codes", () => {
    const errors = (input: object) => addCostItemSchema.safeParse(input).error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    const ok = { category: "ROOM", description: "Room", amount: "10.00", currency: "chf" };
    expect(addCostItemSchema.parse(ok)).toEqual({ category: "ROOM", description: "Room", amount: 1_000n, currency: "CHF" });
    expect(addCostItemSchema.parse({ ...ok, amount: "12500", currency: "JPY" }).amount).toBe(12_500n);
    expect(addCostItemSchema.parse({ ...ok, amount: "1.255", currency: "BHD" }).amount).toBe(1_255n);
    expect(addCostItemSchema.parse({ ...ok, amount: "7.5", currency: "KWD" }).amount).toBe(7_500n);
    expect(errors({ ...ok, amount: "10.001" })).toEqual(["amount: adminCosts.amountDecimals:2"]);
    expect(errors({ ...ok, amount: "12500.5", currency: "JPY" })).toEqual(["amount: adminCosts.amountDecimals:0"]);
    expect(errors({ ...ok, amount: "1.2555", currency: "BHD" })).toEqual(["amount: adminCosts.amountDecimals:3"]);
    expect(errors({ ...ok, amount: "0.00" })).toEqual(["amount: adminCosts.amountPositive"]);
    expect(errors({ ...ok, amount: "1e5" })).toEqual(["amount: adminCosts.amountInvalid"]);
    expect(errors({ ...ok, amount: "10.00001" })).toEqual(["amount: adminCosts.amountInvalid"]);
    expect(errors({ ...ok, currency: "XYZ" })).toEqual(["currency: adminCosts.currencyInvalid"]);
    expect(errors({ ...ok, currency: "FRANC" })).toEqual(["currency: adminCosts.currencyInvalid"]);
    expect(errors({ ...ok, currency: "XAU" })).toEqual(["currency: adminCosts.currencyInvalid"]);
    expect(errors({ ...ok, category: "CATERING" })).toEqual(["category: choose"]);
  });
});

describe("CSV cells (OWASP CSV injection), shared by every export", () => {
  it.each([
    ["=cmd", "'=cmd"],
    ["-2+3", "'-2+3"],
    ["+1", "'+1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\t=1+1", "'\t'=1+1"],
    ["\r=1", "'\r'=1"],
    // A reader splitting on ';', ',', a tab or a line break must not find a formula in any piece.
    ["x;=1+1", "x;'=1+1"],
    ["a,=b", "a,'=b"],
    ["a\t@b", "a\t'@b"],
    ["a\n-1", "a\n'-1"],
    ["a\r\n+1", "a\r\n'+1"],
    ["x;;=1", "x;;'=1"],
  ])("neutralises %j", (value, neutralised) => {
    expect(neutraliseFormulas(value)).toBe(neutralised);
    // And the cell reads back as that text, quoted where it holds a separator.
    expect(parseCsv(csvLine([value, "end"]))).toEqual([[neutralised, "end"]]);
  });

  it("leaves ordinary text, a sign inside a piece and a space before a sign as they are", () => {
    for (const value of ["plain", "Is 2-1 = 1?", "a; b", "cost: -", "x; =1", ""]) expect(neutraliseFormulas(value)).toBe(value);
  });

  it("quotes separators and doubles quotes", () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell("a;b")).toBe('"a;b"');
    expect(csvCell("x;=1+1")).toBe(`"x;'=1+1"`);
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell(null)).toBe("");
  });
});

describe("the costs CSV", () => {
  it("lists items, totals and shares with each currency's decimals, formulas defused", () => {
    const csv = toCsv({
      basis: "SNAPSHOT",
      items: [
        { category: "ROOM", description: "=cmd", amountMinor: 100n, currency: "CHF" },
        { category: "OTHER", description: "x;=1+1", amountMinor: 12_500n, currency: "JPY" },
      ],
      shares: [
        { currency: "CHF", totalMinor: 100n, shares: [{ memberStateId: "x", iso3: "ESP", iso2: "ES", nameEn: "Spain", amountMinor: 100n }] },
        { currency: "JPY", totalMinor: 12_500n, shares: [{ memberStateId: "x", iso3: "ESP", iso2: "ES", nameEn: "Spain", amountMinor: 12_500n }] },
      ],
    });
    expect(csv.split("\r\n")).toEqual([
      "\uFEFFsection,category_or_state,description_or_name,amount,currency",
      "item,ROOM,'=cmd,1.00,CHF",
      `item,OTHER,"x;'=1+1",12500,JPY`,
      "total,,,1.00,CHF",
      "share,ESP,Spain,1.00,CHF",
      "total,,,12500,JPY",
      "share,ESP,Spain,12500,JPY",
      "",
    ]);
  });

  it("calls the shares projected before the start", () => {
    const csv = toCsv({
      basis: "PROJECTION",
      items: [],
      shares: [{ currency: "BHD", totalMinor: 1_250n, shares: [{ memberStateId: "x", iso3: "ESP", iso2: "ES", nameEn: "Spain", amountMinor: 1_250n }] }],
    });
    expect(csv).toContain("projected_share,ESP,Spain,1.250,BHD\r\n");
  });
});
