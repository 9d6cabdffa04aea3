import "server-only";
import nodemailer from "nodemailer";

/** What the worker needs of a mail server: send one plain-text message, or throw. */
export type MailTransport = {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
};

// Bounded waits: a server that accepts the connection and then hangs must not hold the
// worker (and the outbox row it has locked) for long.
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as const;

/** SMTP through nodemailer, e.g. `smtps://user:password@mail.example.org:465`. */
export function smtpTransport(url: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport({ url, ...TIMEOUTS });
  return {
    async send({ to, subject, text }) {
      // Headers are one line; mail bodies are plain text, never HTML.
      await transporter.sendMail({ from, to, subject: subject.replace(/[\r\n]+/g, " "), text });
    },
  };
}
