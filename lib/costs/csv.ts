import { csvLine } from "@/lib/http/csv";
import { formatMinor } from "./currencies";
import type { CostBasis, CurrencyShares } from "./shares";

type Costs = {
  basis: CostBasis;
  items: { category: string; description: string; amountMinor: bigint; currency: string }[];
  shares: CurrencyShares[];
} | null;

/**
 * One table: items first, then per currency the total and each sharing state's share, amounts
 * as plain decimals with the currency's minor units (JPY 12500, BHD 1.250). The shares' section
 * says whether they are the snapshot taken at the start ("share") or a projection before it
 * ("projected_share"), so that a file downloaded early is never read as final.
 */
export function toCsv(costs: Costs): string {
  let body = csvLine(["section", "category_or_state", "description_or_name", "amount", "currency"]);
  for (const item of costs?.items ?? []) {
    body += csvLine(["item", item.category, item.description, formatMinor(item.amountMinor, item.currency), item.currency]);
  }
  const share = costs?.basis === "PROJECTION" ? "projected_share" : "share";
  for (const c of costs?.shares ?? []) {
    body += csvLine(["total", "", "", formatMinor(c.totalMinor, c.currency), c.currency]);
    for (const s of c.shares) body += csvLine([share, s.iso3, s.nameEn, formatMinor(s.amountMinor, c.currency), c.currency]);
  }
  // BOM: spreadsheet programs then read the file as UTF-8.
  return `\uFEFF${body}`;
}
