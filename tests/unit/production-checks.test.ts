import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { describeProblems, productionConfigProblems, readBuildActionsKey } from "@/lib/config/production-checks";

// The production start refuses what `npm start`'s demo makes up (docs/decisions/031-production-packaging.md).

const KEY = Buffer.alloc(32, 7).toString("base64");
const complete = {
  DATABASE_URL: "postgresql://hustings_app@db:5432/hustings",
  AUTH_SECRET: "s".repeat(32),
  NEXTAUTH_URL: "https://hustings.example.org",
  NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: KEY,
};

const named = (env: Record<string, string | undefined>, build = {}) => productionConfigProblems(env, build).map((p) => p.variable);

describe("productionConfigProblems", () => {
  it("lets a complete configuration start", () => {
    expect(productionConfigProblems(complete)).toEqual([]);
    expect(productionConfigProblems(complete, { actionsKey: KEY })).toEqual([]);
  });

  it("names every missing variable at once, each with what to set", () => {
    const problems = productionConfigProblems({});
    expect(problems.map((p) => p.variable)).toEqual(["DATABASE_URL", "AUTH_SECRET", "NEXTAUTH_URL", "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY"]);
    expect(problems.find((p) => p.variable === "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY")?.message).toMatch(/openssl rand -base64 32/);
    expect(describeProblems(problems)).toMatch(/^the production server will not start.*\n {2}DATABASE_URL is required/);
  });

  it("treats blank values as missing", () => {
    expect(named({ ...complete, AUTH_SECRET: "   " })).toEqual(["AUTH_SECRET"]);
  });

  it("refuses a short AUTH_SECRET", () => {
    expect(productionConfigProblems({ ...complete, AUTH_SECRET: "short" })).toEqual([
      { variable: "AUTH_SECRET", message: "is 5 characters long: it must have 32 or more" },
    ]);
  });

  it("wants an https NEXTAUTH_URL, plain http only on this machine", () => {
    expect(named({ ...complete, NEXTAUTH_URL: "http://hustings.example.org" })).toEqual(["NEXTAUTH_URL"]);
    expect(named({ ...complete, NEXTAUTH_URL: "hustings.example.org" })).toEqual(["NEXTAUTH_URL"]);
    for (const local of ["http://127.0.0.1:3000", "http://localhost:3000", "http://[::1]:3000"]) {
      expect(named({ ...complete, NEXTAUTH_URL: local })).toEqual([]);
    }
  });

  it("wants a server actions key of an AES length, the one the build embedded", () => {
    expect(named({ ...complete, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "not base64!" })).toEqual(["NEXT_SERVER_ACTIONS_ENCRYPTION_KEY"]);
    expect(named({ ...complete, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(20).toString("base64") })).toEqual(["NEXT_SERVER_ACTIONS_ENCRYPTION_KEY"]);
    for (const bytes of [16, 24, 32]) {
      expect(named({ ...complete, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(bytes, 1).toString("base64") })).toEqual([]);
    }
    const other = Buffer.alloc(32, 9).toString("base64");
    expect(productionConfigProblems(complete, { actionsKey: other })).toEqual([
      { variable: "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY", message: expect.stringMatching(/differs from the key this build was made with/) },
    ]);
  });

  it("refuses the owner's connection, the demo's reset and the tests' cache gate", () => {
    expect(
      named({ ...complete, MIGRATION_DATABASE_URL: "postgresql://owner@db/h", DEMO_RESET_DATABASE_URL: "postgresql://x@y/z", PAGE_CACHE_TEST_GATES: "/tmp/g" }),
    ).toEqual(["MIGRATION_DATABASE_URL", "DEMO_RESET_DATABASE_URL", "PAGE_CACHE_TEST_GATES"]);
  });
});

describe("readBuildActionsKey", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "hustings-build-key-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("reads the key a build embedded, and nothing from a folder without a build", () => {
    mkdirSync(path.join(dir, "server"));
    writeFileSync(path.join(dir, "server", "server-reference-manifest.json"), JSON.stringify({ node: {}, edge: {}, encryptionKey: KEY }));
    expect(readBuildActionsKey(dir)).toBe(KEY);
    expect(readBuildActionsKey(path.join(dir, "missing"))).toBeUndefined();
  });
});
