import { formatMinor, type CurrencyShares } from "./shares";

type Costs = {
  items: { category: string; description: string; amountMinor: bigint; currency: string }[];
  shares: CurrencyShares[];
} | null;

/** A spreadsheet must not run what a cell says: text starting with = + - @ TAB CR is quoted. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const row = (cells: string[]) => cells.map(csvCell).join(",");

/** One table: items first, then per currency the total and each paying state's share. */
export function toCsv(costs: Costs): string {
  const lines = [row(["section", "category_or_state", "description_or_name", "amount", "currency"])];
  for (const item of costs?.items ?? []) {
    lines.push(row(["item", item.category, item.description, formatMinor(item.amountMinor), item.currency]));
  }
  for (const c of costs?.shares ?? []) {
    lines.push(row(["total", "", "", formatMinor(c.totalMinor), c.currency]));
    for (const s of c.shares) lines.push(row(["share", s.iso3, s.nameEn, formatMinor(s.amountMinor), c.currency]));
  }
  // BOM: spreadsheet programs then read the file as UTF-8.
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
