import { describe, expect, it } from "vitest";
import { logLevel, prettyLine, prettyLogs } from "@/lib/observability/logger";
import { metrics, setGaugeReader } from "@/lib/observability/metrics";
import { metricsAccess } from "@/lib/observability/metrics-token";
import { readiness } from "@/lib/observability/readiness";
import { loggedPath, requestId } from "@/lib/observability/request-id";

// docs/decisions/029-observability-and-shutdown.md
describe("request ids", () => {
  const generate = () => "generated-id";

  it("takes the client's X-Request-Id only behind a trusted proxy", () => {
    expect(requestId("abc-123-def-456", 1, generate)).toBe("abc-123-def-456");
    expect(requestId("abc-123-def-456", 0, generate)).toBe("generated-id");
    expect(requestId(undefined, 2, generate)).toBe("generated-id");
  });

  it("refuses an id that is not a plain token, even from a trusted proxy", () => {
    for (const bad of ["short", "has space in it", "x".repeat(129), "new\nline-injected", "semi;colon;value"])
      expect(requestId(bad, 1, generate)).toBe("generated-id");
    expect(requestId(["abc-123-def-456", "other-000-000"], 1, generate)).toBe("generated-id");
  });

  it("generates a UUID by default", () => {
    expect(requestId(undefined, 0)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("logs a path without its query string, and without a set-password token", () => {
    expect(loggedPath("/en/candidates?q=secret&email=a@b.c")).toBe("/en/candidates");
    expect(loggedPath("/fr/set-password/abcdef123456?x=1")).toBe("/fr/set-password/[token]");
    expect(loggedPath(undefined)).toBe("/");
    expect(loggedPath("?only=query")).toBe("/");
  });

  it("writes JSON unless LOG_FORMAT=pretty, or unset and a person watches the terminal", () => {
    expect(prettyLogs(undefined, false)).toBe(false);
    expect(prettyLogs(undefined, true)).toBe(true);
    expect(prettyLogs("json", true)).toBe(false);
    expect(prettyLogs("pretty", false)).toBe(true);
    expect(prettyLine('{"level":40,"time":"2026-12-03T08:00:01.234Z","pid":1,"name":"server","msg":"late","ms":12}\n')).toBe(
      '08:00:01.234 WARN  [server] late {"ms":12}\n',
    );
  });

  it("reads LOG_LEVEL, info when unset or unknown", () => {
    expect(logLevel("debug")).toBe("debug");
    expect(logLevel(" WARN ")).toBe("warn");
    expect(logLevel(undefined)).toBe("info");
    expect(logLevel("loud")).toBe("info");
  });
});

describe("the metrics token", () => {
  const token = "a-metrics-token-of-24-chars+";

  it("is no page at all without a token configured", () => {
    expect(metricsAccess(`Bearer ${token}`, undefined)).toBe("disabled");
    expect(metricsAccess(null, "")).toBe("disabled");
  });

  it("allows only the exact bearer token", () => {
    expect(metricsAccess(`Bearer ${token}`, token)).toBe("allowed");
    expect(metricsAccess(`bearer ${token}`, token)).toBe("allowed");
    expect(metricsAccess(null, token)).toBe("refused");
    expect(metricsAccess("Bearer ", token)).toBe("refused");
    expect(metricsAccess(`Bearer ${token}x`, token)).toBe("refused");
    expect(metricsAccess(`Bearer ${token.slice(0, -1)}`, token)).toBe("refused");
    expect(metricsAccess(`Basic ${token}`, token)).toBe("refused");
    expect(metricsAccess(token, token)).toBe("refused");
  });
});

describe("the metrics registry", () => {
  it("is one per process, on globalThis, whichever copy of the module asks", async () => {
    const first = metrics();
    const holder = globalThis as unknown as Record<symbol, unknown>;
    expect(holder[Symbol.for("hustings.metrics")]).toBe(first);
    expect(metrics()).toBe(first);
    setGaugeReader("liveViewers", () => 7);
    first.limitRefusals.inc({ kind: "forum" });
    const text = await first.registry.metrics();
    expect(text).toMatch(/^hustings_live_viewers 7$/m);
    expect(text).toMatch(/^hustings_limit_refusals_total\{kind="forum"\} 1$/m);
  });
});

describe("readiness", () => {
  it("is ready when every part answers in time", async () => {
    expect(await readiness({ a: async () => 1, b: async () => 2 })).toEqual({ ready: true, checks: { a: "ok", b: "ok" } });
  });

  it("names the part that failed or did not answer within its deadline", async () => {
    const result = await readiness(
      {
        database: () => new Promise(() => undefined),
        listen: async () => {
          throw new Error("down");
        },
        storage: async () => null,
      },
      { deadlineMs: 50 },
    );
    expect(result).toEqual({ ready: false, checks: { database: "timed out", listen: "failed", storage: "ok" } });
  });

  it("is not ready while stopping, asking nothing", async () => {
    let asked = false;
    const result = await readiness({ database: async () => void (asked = true) }, { stopping: true });
    expect(result).toEqual({ ready: false, checks: { database: "stopping" } });
    expect(asked).toBe(false);
  });
});
