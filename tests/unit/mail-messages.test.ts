import { describe, expect, it } from "vitest";
import { LOCALES } from "@/lib/i18n/routing";
import { ethicsAnsweredText, forumAnsweredText, forumDigestText, passwordResetText, questionnairePublishedText } from "@/lib/mail/messages";

// Each kind of mail, in each language (docs/decisions/042-wcag-22-and-mail-language.md): the
// text is the language's own, the links open the portal in it, times are the locale's.

const SITE = "https://hustings.example.org";
const AT = new Date("2030-06-01T10:05:00Z");

const kinds = {
  digest: (locale: (typeof LOCALES)[number]) => forumDigestText({ locale, siteUrl: SITE, name: "Amina", waiting: 3, everyMinutes: 10 }),
  answered: (locale: (typeof LOCALES)[number]) =>
    forumAnsweredText({ locale, siteUrl: SITE, askerName: "Li", candidateId: "cand1", candidateName: "Dr Example", question: "Q?", answer: "A." }),
  reset: (locale: (typeof LOCALES)[number]) =>
    passwordResetText({ locale, url: `${SITE}/${locale}/set-password/tok`, name: "Amina", minutes: 60, expiresAt: AT, timeZone: "Asia/Dubai" }),
  ethics: (locale: (typeof LOCALES)[number]) =>
    ethicsAnsweredText({ locale, siteUrl: SITE, name: "Amina", materialId: "mat1", outcome: "ADVICE", requestedAt: AT, timeZone: "Asia/Dubai" }),
  questionnaire: (locale: (typeof LOCALES)[number]) =>
    questionnairePublishedText({ locale, siteUrl: SITE, name: "Amina", deadline: AT, timeZone: "Asia/Dubai" }),
};

// A phrase of each kind's subject and body in Arabic and Chinese, as the catalogues write them.
const EXPECTED = {
  ar: {
    digest: ["منتداك", "مرحباً Amina،", "/ar/my/forum"],
    answered: ["ردّ Dr Example على سؤالك", "سؤالك:", "/ar/candidates/cand1"],
    reset: ["إعادة تعيين كلمة مرورك", "يتوقف الرابط عن العمل", "/ar/set-password/tok"],
    ethics: ["ردّ مكتب الأخلاقيات", "قُدّمت مشورة", "/ar/my/materials/mat1"],
    questionnaire: ["سؤال كتابي مشترك", "يجيب جميع المرشحين كتابةً", "/ar/my/questionnaire"],
  },
  zh: {
    digest: ["您的论坛", "Amina，您好：", "/zh/my/forum"],
    answered: ["Dr Example 已回答您的问题", "您的问题：", "/zh/candidates/cand1"],
    reset: ["重置您的 Hustings 密码", "该链接将于", "/zh/set-password/tok"],
    ethics: ["道德操守办公室已答复", "已提出建议", "/zh/my/materials/mat1"],
    questionnaire: ["共同书面问题", "所有候选人以书面形式回答相同的问题", "/zh/my/questionnaire"],
  },
} as const;

describe("mail in the reader's language", () => {
  for (const locale of ["ar", "zh"] as const) {
    for (const kind of Object.keys(kinds) as (keyof typeof kinds)[]) {
      it(`${kind} in ${locale}: translated subject and body, links in ${locale}`, async () => {
        const { subject, body } = await kinds[kind](locale);
        const [inSubject, inBody, link] = EXPECTED[locale][kind];
        expect(subject).toContain(inSubject);
        expect(body).toContain(inBody);
        expect(body).toContain(`${SITE}${link}`);
        expect(`${subject}\n${body}`.replace(/https:\/\/\S+/g, "")).not.toMatch(/Hello|question|password|Ethics Office/);
      });
    }
  }

  it.each(LOCALES)("every kind in %s has a subject on one line and links only in that language", async (locale) => {
    for (const render of Object.values(kinds)) {
      const { subject, body } = await render(locale);
      expect(subject).not.toMatch(/[\r\n]/);
      for (const url of body.match(/https:\/\/\S+/g) ?? []) expect(url.startsWith(`${SITE}/${locale}/`)).toBe(true);
    }
  });

  it("gives times in the locale's writing and the conference's zone, named", async () => {
    // 10:05 UTC is 14:05 in Dubai.
    const ar = (await kinds.ethics("ar")).body;
    const zh = (await kinds.ethics("zh")).body;
    const en = (await kinds.ethics("en")).body;
    expect(en).toContain("Saturday, June 1, 2030 at 2:05 PM");
    expect(en).toContain("Gulf Standard Time");
    expect(zh).toContain("2030年6月1日星期六 14:05");
    expect(ar).toContain("السبت، 1 يونيو 2030");
    expect(ar).toContain("توقيت الخليج");
  });

  it("says neither the draft nor the advice: the review is confidential", async () => {
    const { body } = await kinds.ethics("en");
    expect(body).toContain("Outcome: advice given");
    expect(body).toContain("this message does not repeat");
    const cleared = await ethicsAnsweredText({ locale: "fr", siteUrl: null, name: "A", materialId: "m", outcome: "CLEARED", requestedAt: AT, timeZone: "UTC" });
    expect(cleared.body).toContain("Résultat : approuvé");
    // Without the site's address, the way in is described instead of linked.
    expect(cleared.body).toContain("Matériel de campagne");
  });
});
