// Every CSV the platform writes (the audit log, the costs, the forum's open data) goes through
// these two functions, so that opening an export in a spreadsheet never runs anything (OWASP,
// "CSV Injection"). Pure: no server-only import, tested alone (tests/unit/cost-shares.test.ts).
//
// A spreadsheet runs a cell that starts with = + - @, or with a tab or carriage return before
// one of them. It also splits a line on the separator of the reader's locale, which is not
// always the comma: with ';' (most of Europe), a tab or a line break, "x;=1+1" becomes two
// cells, the second a formula. So a quote (') goes before such a character at the start of the
// cell AND at the start of every piece after a separator (; , tab CR LF), and a cell that holds
// a separator or a double quote is wrapped in double quotes (RFC 4180), quotes doubled.

type Cell = string | number | null | undefined;

/** Characters a spreadsheet reads as the start of a formula (OWASP's list). */
const FORMULA_START = new Set(["=", "+", "-", "@", "\t", "\r"]);
/** Characters some spreadsheet, in some locale, reads as the end of a cell. */
const SEPARATOR = new Set([";", ",", "\t", "\r", "\n"]);
const NEEDS_QUOTES = /[";,\t\r\n]/;

/** The text with a quote before every formula character that would start a cell. */
export function neutraliseFormulas(text: string): string {
  let out = "";
  let atCellStart = true;
  for (const char of text) {
    if (atCellStart && FORMULA_START.has(char)) out += "'";
    out += char;
    atCellStart = SEPARATOR.has(char);
  }
  return out;
}

export function csvCell(value: Cell): string {
  const text = value === null || value === undefined ? "" : String(value);
  const safe = neutraliseFormulas(text);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One CSV line, CRLF-terminated (RFC 4180). */
export function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}
