// The server's log: one JSON line per event, on stdout (docs/decisions/029-observability-and-shutdown.md).
// One logger per process, kept on globalThis: server.ts loads this file outside Next's route
// bundles, and each bundle would otherwise make its own.
//
// No "server-only" here: server.ts loads it under plain tsx. Never log cookies, query
// strings, bodies or addresses' secrets: callers pass the fields, this file adds none.
import pino, { type Logger } from "pino";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** LOG_LEVEL when it names a level (lib/env.ts refuses any other at start), else info. */
export function logLevel(value: string | undefined): LogLevel {
  const level = value?.trim().toLowerCase();
  return (LOG_LEVELS as readonly string[]).includes(level ?? "") ? (level as LogLevel) : "info";
}

const KEY = Symbol.for("hustings.logger");

export function logger(): Logger {
  const holder = globalThis as unknown as Record<symbol, Logger | undefined>;
  holder[KEY] ??= pino({
    level: logLevel(process.env.LOG_LEVEL),
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    // An Error passed as `err` keeps its type, message and stack.
    serializers: { err: pino.stdSerializers.err },
  });
  return holder[KEY];
}

/** An error as the log's `err` field: an Error as such, anything else as its text. */
export function errorField(error: unknown): Error | string {
  return error instanceof Error ? error : String(error);
}
