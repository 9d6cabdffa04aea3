import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";

// NEXTAUTH_URL is the site's address: required by a production server, https unless the
// server is on this machine (lib/env.ts, docs/decisions/027-same-origin-and-members-only-stream.md).

const base = { DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/hustings", AUTH_SECRET: "a".repeat(32) };
const production = { ...base, NODE_ENV: "production" };

function issues(source: Record<string, string | undefined>): string[] {
  const parsed = parseEnv(source);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("NEXTAUTH_URL", () => {
  it("is required by a production server, with a message that says what to set", () => {
    expect(issues(production)).toEqual([expect.stringMatching(/^NEXTAUTH_URL: is required in production: the site's public https address/)]);
    expect(issues({ ...production, NEXTAUTH_URL: "https://hustings.example.org" })).toEqual([]);
  });

  it("is not asked of `next build`, which serves nobody", () => {
    expect(issues({ ...production, NEXT_PHASE: "phase-production-build" })).toEqual([]);
  });

  it("may be missing outside production", () => {
    expect(issues(base)).toEqual([]);
    expect(issues({ ...base, NODE_ENV: "test" })).toEqual([]);
  });

  it("is https, or plain http only on this machine (the demo's npm start and the test servers)", () => {
    for (const url of ["http://127.0.0.1:3000", "http://localhost:3000", "http://[::1]:3000", "https://localhost"]) {
      expect(issues({ ...production, NEXTAUTH_URL: url }), url).toEqual([]);
    }
    for (const url of ["http://hustings.example.org", "http://10.0.0.5:3000", "http://127.0.0.1.example.org", "ftp://hustings.example.org"]) {
      expect(issues({ ...production, NEXTAUTH_URL: url }), url).toEqual([expect.stringMatching(/^NEXTAUTH_URL: must be https/)]);
    }
    // A developer's own server may use any address.
    expect(issues({ ...base, NEXTAUTH_URL: "http://dev-box.example.org:3000" })).toEqual([]);
  });

  it("is not a web address at all: said once", () => {
    expect(issues({ ...production, NEXTAUTH_URL: "not a url" })).toHaveLength(1);
  });
});
