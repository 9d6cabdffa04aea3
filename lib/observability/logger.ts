// The server's log: one JSON line per event, on stdout (docs/decisions/029-observability-and-shutdown.md).
// One logger per process, kept on globalThis: server.ts loads this file outside Next's route
// bundles, and each bundle would otherwise make its own.
//
// No "server-only" here: server.ts loads it under plain tsx. Never log cookies, query
// strings, bodies or addresses' secrets: callers pass the fields, this file adds none.
import pino, { type DestinationStream, type Logger } from "pino";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** LOG_LEVEL when it names a level (lib/env.ts refuses any other at start), else info. */
export function logLevel(value: string | undefined): LogLevel {
  const level = value?.trim().toLowerCase();
  return (LOG_LEVELS as readonly string[]).includes(level ?? "") ? (level as LogLevel) : "info";
}

/** LOG_FORMAT: "json" or "pretty"; unset, pretty only when a person watches (stdout is a terminal). */
export function prettyLogs(format: string | undefined, isTTY: boolean | undefined): boolean {
  const chosen = format?.trim().toLowerCase();
  if (chosen === "pretty") return true;
  if (chosen === "json") return false;
  return Boolean(isTTY);
}

const LABELS: Record<number, string> = { 10: "TRACE", 20: "DEBUG", 30: "INFO", 40: "WARN", 50: "ERROR", 60: "FATAL" };

/** One JSON line as a person reads it: time, level, message, then the other fields. */
export function prettyLine(line: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const { time, level, msg, name, pid: _pid, hostname: _hostname, ...fields } = entry;
  const clock = typeof time === "string" ? time.slice(11, 23) : "";
  const rest = Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : "";
  return `${clock} ${(LABELS[Number(level)] ?? String(level)).padEnd(5)} ${name ? `[${String(name)}] ` : ""}${String(msg ?? "")}${rest}\n`;
}

const prettyStdout: DestinationStream = { write: (line: string) => void process.stdout.write(prettyLine(line)) };

/**
 * Under Vitest: an error goes through console.error, which fails the test that logged it
 * unless the test expects it (tests/support/fail-on-console-error.ts), a warning through
 * console.warn; the rest is not shown.
 */
const testConsole: DestinationStream = {
  write: (line: string) => {
    let level = 0;
    try {
      level = Number((JSON.parse(line) as { level?: unknown }).level);
    } catch {
      level = 50;
    }
    const text = prettyLine(line).trimEnd();
    if (level >= 50) console.error(text);
    else if (level >= 40) console.warn(text);
  },
};

function destination(): DestinationStream {
  if (process.env.VITEST) return testConsole;
  return prettyLogs(process.env.LOG_FORMAT, process.stdout.isTTY) ? prettyStdout : pino.destination({ dest: 1, sync: true });
}

const KEY = Symbol.for("hustings.logger");

export function logger(): Logger {
  const holder = globalThis as unknown as Record<symbol, Logger | undefined>;
  holder[KEY] ??= pino(
    {
      level: logLevel(process.env.LOG_LEVEL),
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      // An Error passed as `err` keeps its type, message and stack.
      serializers: { err: pino.stdSerializers.err },
    },
    destination(),
  );
  return holder[KEY];
}

/** An error as the log's `err` field: an Error as such, anything else as its text. */
export function errorField(error: unknown): Error | string {
  return error instanceof Error ? error : String(error);
}
