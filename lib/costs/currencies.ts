import { data as iso4217, publishDate } from "currency-codes";

// ISO 4217 currencies and their minor units, from the standard's own list (list one) as the
// currency-codes package ships it, dated by `ISO_4217_PUBLISHED` (docs/decisions/016-currencies.md).
// Pure: the form, the services, the CSV and the public page share it.

export const ISO_4217_PUBLISHED: string = publishDate;

// Codes list one gives without minor units ("N.A."): precious metals, bond-market units, the
// SDR, the testing code and "no currency". The package reads N.A. as 0; nothing can be shared
// "exact to the minor unit" in them, so a cost item is refused in these codes.
const WITHOUT_MINOR_UNITS = new Set(["XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XDR", "XPD", "XPT", "XSU", "XTS", "XUA", "XXX"]);

const DIGITS = new Map<string, number>(iso4217.filter((c) => !WITHOUT_MINOR_UNITS.has(c.code)).map((c) => [c.code, c.digits]));

/** Digits of minor units of a currency a cost item may be entered in (JPY 0, CHF 2, BHD 3, CLF 4), or null. */
export function currencyDigits(code: string): number | null {
  return DIGITS.get(code) ?? null;
}

export function isCostCurrency(code: string): boolean {
  return DIGITS.has(code);
}

/**
 * The minor units an amount already stored is counted in. Amounts used to be stored in
 * hundredths whatever the currency; the migration *_cost_minor_units rescaled those in
 * currencies with other minor units. A code outside the list (entered before codes were
 * checked) stays in hundredths, as it was written.
 */
export function storedDigits(code: string): number {
  return currencyDigits(code) ?? 2;
}

/** The accepted codes, in alphabetical order (for the form's suggestions). */
export function costCurrencies(): string[] {
  return [...DIGITS.keys()].sort();
}

/** "12500.5" in a currency of `digits` minor units → minor units; null when it has more decimals than the currency. */
export function decimalToMinor(amount: string, digits: number): bigint | null {
  const [units = "0", fraction = ""] = amount.split(".");
  if (fraction.length > digits) return null;
  return BigInt(units) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, "0") || "0");
}

/** Minor units as a plain decimal string with the currency's minor units, e.g. (123456n, "CHF") → "1234.56", (5n, "JPY") → "5". */
export function formatMinor(amountMinor: bigint, currency: string): string {
  const digits = storedDigits(currency);
  const sign = amountMinor < 0n ? "-" : "";
  const abs = amountMinor < 0n ? -amountMinor : amountMinor;
  if (digits === 0) return `${sign}${abs}`;
  const scale = 10n ** BigInt(digits);
  return `${sign}${abs / scale}.${(abs % scale).toString().padStart(digits, "0")}`;
}

/**
 * An amount for a reader: the locale's digits, separators and placement of the code, with
 * exactly the currency's ISO 4217 minor units. CLDR, which Intl follows, shows fewer digits for
 * some currencies than ISO 4217 defines (IQD 0 for ISO's 3; COP, HUF, IDR, IRR, LBP, PKR, YER…
 * 0 for ISO's 2): a share must show every minor unit it is exact to, so the digits are set
 * here from ISO 4217, not left to CLDR. The code, not a symbol ("$" is many currencies).
 */
export function formatMoney(locale: string, amountMinor: bigint, currency: string): string {
  const digits = storedDigits(currency);
  const format = new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    currencyDisplay: "code",
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  // A decimal string is formatted exactly (Intl.NumberFormat v3), with no detour through a float.
  return format.format(formatMinor(amountMinor, currency) as Intl.StringNumericLiteral);
}

/** The same figure without the code, where the currency is named beside it ("Total in CHF: 1,000.00"). */
export function formatAmount(locale: string, amountMinor: bigint, currency: string): string {
  const digits = storedDigits(currency);
  const format = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return format.format(formatMinor(amountMinor, currency) as Intl.StringNumericLiteral);
}
