import { describe, expect, it } from "vitest";
import { CSV_COLUMNS, toCsv, toJson, withdrawnRecord, type ExportedQuestion } from "@/lib/forum/export-format";
import { parseCsv } from "../support/csv";

function question(extra: Partial<ExportedQuestion> = {}): ExportedQuestion {
  return {
    id: "q1",
    candidateId: "c1",
    candidateName: "Candidate One",
    post: "SG",
    status: "published",
    askerName: "Amina",
    askerCountry: "Senegal",
    askerAffiliation: null,
    question: "How?",
    answer: null,
    publishedAt: "2018-10-01T10:00:00.000Z",
    answeredAt: null,
    withdrawnAt: null,
    ...extra,
  };
}

describe("the forum's CSV export", () => {
  it("starts with a BOM and the header, one CRLF-terminated line per question", () => {
    const csv = toCsv([question(), question({ id: "q2" })]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(3);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(rows[1]).toEqual(["q1", "c1", "Candidate One", "SG", "published", "Amina", "Senegal", "", "How?", "", "2018-10-01T10:00:00.000Z", "", ""]);
  });

  it.each([
    ['=HYPERLINK("http://evil.example","x")', `'=HYPERLINK("http://evil.example","x")`],
    ["+1+1", "'+1+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\t=1", "'\t'=1"],
    ["\r=1", "'\r'=1"],
    // A reader whose separator is ';' (or a tab, or a line break) splits the cell there.
    ["x;=1+1", "x;'=1+1"],
    ["a,=b", "a,'=b"],
    ["one\n@SUM(A1)", "one\n'@SUM(A1)"],
  ])("neutralises a cell a spreadsheet would run as a formula: %j", (payload, written) => {
    const rows = parseCsv(toCsv([question({ question: payload, askerName: payload, answer: payload })]).slice(1));
    const [cells] = rows.slice(1);
    for (const index of [5, 8, 9]) expect(cells?.[index]).toBe(written);
  });

  it("leaves ordinary text, including a minus or equals sign inside it, as it is", () => {
    const rows = parseCsv(toCsv([question({ question: "Is 2-1 = 1?" })]).slice(1));
    expect(rows[1]?.[8]).toBe("Is 2-1 = 1?");
  });

  it("quotes commas, double quotes and line breaks so that every question stays one record", () => {
    const text = 'He said "hello",\nthen left.\r\nEnd';
    const csv = toCsv([question({ question: text, answer: 'a "quoted" answer' })]);
    expect(csv).toContain('"He said ""hello"",\nthen left.\r\nEnd"');
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(2);
    expect(rows[1]?.[8]).toBe(text);
    expect(rows[1]?.[9]).toBe('a "quoted" answer');
  });

  it("has no column for an e-mail address or an address hash", () => {
    expect(CSV_COLUMNS.join(",")).not.toMatch(/mail|ip|hash/i);
  });

  it("keeps a question published then withdrawn as a line marked withdrawn, with its dates, without its text, asker or answer", () => {
    const withdrawn = withdrawnRecord(question({ id: "q2", publishedAt: "2018-10-02T09:00:00.000Z" }), "2018-10-04T12:00:00.000Z");
    const rows = parseCsv(toCsv([question(), withdrawn]).slice(1));
    expect(rows).toHaveLength(3);
    const cell = (row: number, name: (typeof CSV_COLUMNS)[number]) => rows[row]?.[CSV_COLUMNS.indexOf(name)];
    expect(cell(1, "status")).toBe("published");
    expect(cell(1, "withdrawn_at")).toBe("");
    expect(rows[2]).toEqual(["q2", "c1", "Candidate One", "SG", "withdrawn", "", "", "", "", "", "2018-10-02T09:00:00.000Z", "", "2018-10-04T12:00:00.000Z"]);
  });

  it("leaves the withdrawal time empty when it is not on record", () => {
    const rows = parseCsv(toCsv([withdrawnRecord(question(), null)]).slice(1));
    expect(rows[1]?.[CSV_COLUMNS.indexOf("status")]).toBe("withdrawn");
    expect(rows[1]?.[CSV_COLUMNS.indexOf("withdrawn_at")]).toBe("");
  });

  it("neutralises formulas in the identifying cells too, whatever the status", () => {
    const rows = parseCsv(toCsv([withdrawnRecord(question({ candidateName: "=1+1", post: "@SUM(A1)" }), null)]).slice(1));
    expect(rows[1]?.slice(2, 4)).toEqual(["'=1+1", "'@SUM(A1)"]);
  });
});

describe("a withdrawn question's record", () => {
  it("takes nothing of the question's words, asker or answer, whatever it is given", () => {
    const full = question({ askerAffiliation: "Ministry", answer: "Secret answer.", answeredAt: "2018-10-02T08:00:00.000Z" });
    expect(withdrawnRecord(full, null)).toEqual({
      id: "q1",
      candidateId: "c1",
      candidateName: "Candidate One",
      post: "SG",
      status: "withdrawn",
      askerName: null,
      askerCountry: null,
      askerAffiliation: null,
      question: null,
      answer: null,
      publishedAt: "2018-10-01T10:00:00.000Z",
      answeredAt: null,
      withdrawnAt: null,
    });
  });
});

describe("the forum's JSON export", () => {
  it("has the forum, the time, the count and the published questions, and nothing else", () => {
    const document = JSON.parse(
      toJson([question({ answer: "By investing.", answeredAt: "2018-10-02T08:00:00.000Z" })], "c1", new Date("2018-10-03T00:00:00Z")),
    );
    expect(document).toEqual({
      candidateId: "c1",
      exportedAt: "2018-10-03T00:00:00.000Z",
      count: 1,
      questions: [
        {
          id: "q1",
          candidateId: "c1",
          candidateName: "Candidate One",
          post: "SG",
          status: "published",
          askerName: "Amina",
          askerCountry: "Senegal",
          askerAffiliation: null,
          question: "How?",
          answer: "By investing.",
          publishedAt: "2018-10-01T10:00:00.000Z",
          answeredAt: "2018-10-02T08:00:00.000Z",
          withdrawnAt: null,
        },
      ],
    });
  });

  it("gives a withdrawn question its status and dates, and null for its words, asker and answer", () => {
    const document = JSON.parse(toJson([withdrawnRecord(question(), "2018-10-04T12:00:00.000Z")], "c1", new Date(0)));
    expect(document.count).toBe(1);
    expect(document.questions[0]).toMatchObject({
      status: "withdrawn",
      question: null,
      askerName: null,
      answer: null,
      withdrawnAt: "2018-10-04T12:00:00.000Z",
    });
    expect(JSON.stringify(document)).not.toMatch(/Amina|Senegal|How\?/);
  });

  it("says null for the forum when it exports every forum, and keeps markup as text", () => {
    const document = JSON.parse(toJson([question({ question: "</script><script>alert(1)</script>" })], null, new Date(0)));
    expect(document.candidateId).toBeNull();
    expect(document.questions[0].question).toBe("</script><script>alert(1)</script>");
  });
});
