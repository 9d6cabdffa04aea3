import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

// A local SMTP server for the mail tests (docs/conventions.md#console-errors-and-stand-ins: outside services are exercised
// against local stand-ins that speak their protocol).

export type ReceivedMail = { from: string; to: string[]; raw: string };

export type LocalSmtp = {
  port: number;
  url: string;
  received: ReceivedMail[];
  /** Stops accepting connections (an outage); `start` listens again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
};

export async function startLocalSmtp(options: { delayMs?: number } = {}): Promise<LocalSmtp> {
  const received: ReceivedMail[] = [];
  let server: SMTPServer | undefined;
  let port = 0;
  const make = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          const mail = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString("utf8"),
          };
          setTimeout(() => {
            received.push(mail);
            callback();
          }, options.delayMs ?? 0);
        });
      },
    });
  const start = () =>
    new Promise<void>((resolve, reject) => {
      server = make();
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        port = (server?.server.address() as AddressInfo).port;
        resolve();
      });
    });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (!server) return resolve();
      server.close(() => resolve());
      server = undefined;
    });
  await start();
  return {
    get port() {
      return port;
    },
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    received,
    stop,
    start,
  };
}

/** The decoded Subject header of a raw message (nodemailer encodes non-ASCII as RFC 2047). */
export function subjectOf(raw: string): string {
  const header = raw.split(/\r?\n\r?\n/)[0] ?? "";
  const match = /^Subject: (.*(?:\r?\n[ \t].*)*)/im.exec(header);
  if (!match?.[1]) return "";
  return match[1]
    .replace(/\r?\n[ \t]/g, " ")
    .replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_m, enc: string, text: string) =>
      enc.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
    )
    .trim();
}
