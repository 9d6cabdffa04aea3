import "server-only";
import type { Locale } from "@/lib/i18n/routing";
import { mailInstant, mailLink, mailTranslator } from "./language";

// The text of each kind of mail, in the reader's language (docs/decisions/042-wcag-22-and-mail-language.md).
// Plain text, paragraphs separated by a blank line; nothing here reads the database or the
// environment, so each kind can be checked per language on its own (tests/unit/mail-messages.test.ts).

export type MailText = { subject: string; body: string };

type Common = { locale: Locale; siteUrl: string | null | undefined };

/** To a candidate: questions are waiting in their forum (one per digest period). */
export async function forumDigestText({
  locale,
  siteUrl,
  name,
  waiting,
  everyMinutes,
}: Common & { name: string; waiting: number; everyMinutes: number }): Promise<MailText> {
  const t = await mailTranslator(locale);
  const url = mailLink(siteUrl, locale, "/my/forum");
  return {
    subject: t("mail.forumDigest.subject", { count: waiting }),
    body: [
      t("mail.greeting", { name }),
      t("mail.forumDigest.body", { count: waiting }),
      url ? t("mail.forumDigest.link", { url }) : t("mail.forumDigest.signIn"),
      t("mail.forumDigest.footer", { minutes: everyMinutes }),
    ].join("\n\n"),
  };
}

/** To a visitor who left an address: the candidate answered their question. */
export async function forumAnsweredText({
  locale,
  siteUrl,
  askerName,
  candidateId,
  candidateName,
  question,
  answer,
}: Common & { askerName: string; candidateId: string; candidateName: string; question: string; answer: string }): Promise<MailText> {
  const t = await mailTranslator(locale);
  const url = mailLink(siteUrl, locale, `/candidates/${candidateId}`);
  return {
    subject: t("mail.forumAnswered.subject", { candidate: candidateName }),
    body: [
      t("mail.greeting", { name: askerName }),
      t("mail.forumAnswered.body", { candidate: candidateName }),
      `${t("mail.forumAnswered.yourQuestion")}\n${question}`,
      `${t("mail.forumAnswered.theAnswer")}\n${answer}`,
      ...(url ? [t("mail.forumAnswered.link", { url })] : []),
      t("mail.forumAnswered.emailDeleted"),
    ].join("\n\n"),
  };
}

/** To an account holder: a one-time link to choose a new password (docs/decisions/023-second-factor.md). */
export async function passwordResetText({
  locale,
  url,
  name,
  minutes,
  expiresAt,
  timeZone,
}: {
  locale: Locale;
  url: string;
  name: string;
  minutes: number;
  expiresAt: Date;
  timeZone: string;
}): Promise<MailText> {
  const t = await mailTranslator(locale);
  return {
    subject: t("mail.passwordReset.subject"),
    body: [
      t("mail.greeting", { name }),
      t("mail.passwordReset.body", { minutes }),
      url,
      t("mail.passwordReset.expires", mailInstant(locale, expiresAt, timeZone)),
      t("mail.passwordReset.notYou"),
    ].join("\n\n"),
  };
}

/**
 * To a candidate: the Ethics Office answered their review request. The draft and the advice
 * are confidential (docs/domain.md): the message gives the outcome and where to read it, never
 * their text, which an outbox row would otherwise keep.
 */
export async function ethicsAnsweredText({
  locale,
  siteUrl,
  name,
  materialId,
  outcome,
  requestedAt,
  timeZone,
}: Common & { name: string; materialId: string; outcome: "CLEARED" | "ADVICE"; requestedAt: Date; timeZone: string }): Promise<MailText> {
  const t = await mailTranslator(locale);
  const url = mailLink(siteUrl, locale, `/my/materials/${materialId}`);
  const { time, zone } = mailInstant(locale, requestedAt, timeZone);
  return {
    subject: t("mail.ethicsAnswered.subject"),
    body: [
      t("mail.greeting", { name }),
      t("mail.ethicsAnswered.body", { requested: time, zone }),
      t("mail.ethicsAnswered.outcome", { outcome }),
      url ? t("mail.ethicsAnswered.link", { url }) : t("mail.ethicsAnswered.signIn"),
      t("mail.ethicsAnswered.confidential"),
    ].join("\n\n"),
  };
}

/**
 * To a candidate: a common written question was published for their post, to answer by the
 * round's deadline (docs/fairness.md#common-questionnaire). The deadline in the conference's zone,
 * as the workspace gives it; the question itself is read in the workspace, in any language.
 */
export async function questionnairePublishedText({
  locale,
  siteUrl,
  name,
  deadline,
  timeZone,
}: Common & { name: string; deadline: Date; timeZone: string }): Promise<MailText> {
  const t = await mailTranslator(locale);
  const url = mailLink(siteUrl, locale, "/my/questionnaire");
  const { time, zone } = mailInstant(locale, deadline, timeZone);
  return {
    subject: t("mail.questionnairePublished.subject"),
    body: [
      t("mail.greeting", { name }),
      t("mail.questionnairePublished.body", { deadline: time, zone }),
      url ? t("mail.questionnairePublished.link", { url }) : t("mail.questionnairePublished.signIn"),
      t("mail.questionnairePublished.equal"),
    ].join("\n\n"),
  };
}
