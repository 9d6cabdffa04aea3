import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

// No Docker engine runs here (docs/decisions/031-production-packaging.md): the Dockerfile and
// deploy/compose.yaml are read as text and YAML, and their promises checked.

const dockerfile = readFileSync("Dockerfile", "utf8");
const nginx = readFileSync("deploy/nginx.conf", "utf8");

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  restart?: string;
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
}
const compose = parse(readFileSync("deploy/compose.yaml", "utf8"), { merge: true }) as { services: Record<string, Service> };
const { services } = compose;
const apps = Object.entries(services).filter(([, s]) => s.image?.startsWith("hustings:") && !s.command);

/** The Dockerfile's stages, each with its instructions (continuation lines joined). */
function stages(): { name: string; lines: string[] }[] {
  const joined = dockerfile.replace(/\\\n/g, " ");
  const result: { name: string; lines: string[] }[] = [];
  for (const line of joined.split("\n").map((l) => l.trim())) {
    if (!line || line.startsWith("#")) continue;
    const from = line.match(/^FROM\s+\S+(?:\s+AS\s+(\S+))?/i);
    if (from) result.push({ name: from[1] ?? "", lines: [] });
    result.at(-1)?.lines.push(line);
  }
  return result;
}

describe("the Dockerfile", () => {
  const all = stages();
  const runtime = all.at(-1)!;

  it("builds in stages and ships only the standalone folder", () => {
    expect(all.map((s) => s.name)).toEqual(["deps", "build", "runtime"]);
    const copies = runtime.lines.filter((l) => l.startsWith("COPY"));
    expect(copies).toEqual([expect.stringMatching(/^COPY --from=build --chown=node:node \/out \/app$/)]);
    expect(all[1]!.lines.join("\n")).toMatch(/next build && npx tsx scripts\/build-standalone\.ts --out \/out/);
  });

  it("runs the server as an unprivileged user, with a health check", () => {
    const user = runtime.lines.findLast((l) => l.startsWith("USER"));
    expect(user).toBe("USER node");
    expect(runtime.lines.indexOf(user!)).toBeLessThan(runtime.lines.findIndex((l) => l.startsWith("CMD")));
    expect(runtime.lines.find((l) => l.startsWith("HEALTHCHECK"))).toMatch(/\/api\/health/);
    expect(runtime.lines.find((l) => l.startsWith("CMD"))).toBe('CMD ["node", "server.cjs"]');
  });

  it("takes the server actions' key as a build secret, never as a build argument or a layer", () => {
    expect(dockerfile).toMatch(/--mount=type=secret,id=server_actions_key,env=NEXT_SERVER_ACTIONS_ENCRYPTION_KEY/);
    expect(dockerfile).not.toMatch(/^(ARG|ENV)\s+NEXT_SERVER_ACTIONS_ENCRYPTION_KEY/m);
  });

  it("leaves installed packages, builds, local data and secrets out of the build context", () => {
    const ignored = readFileSync(".dockerignore", "utf8").split("\n");
    for (const entry of ["node_modules", ".next", ".data", ".env", ".git"]) expect(ignored).toContain(entry);
  });
});

describe("deploy/compose.yaml", () => {
  it("runs PostgreSQL, an S3-compatible store, two app instances and a reverse proxy", () => {
    expect(services.postgres?.image).toMatch(/^postgres:/);
    expect(services.minio?.image).toMatch(/^minio\/minio/);
    expect(apps.map(([name]) => name)).toEqual(["app1", "app2"]);
    expect(services.proxy?.image).toMatch(/^nginx:/);
  });

  it("migrates once, from the same image, before any app starts", () => {
    expect(services.migrate).toMatchObject({ command: ["node", "migrate.cjs"], restart: "no" });
    expect(services.migrate?.image).toBe(apps[0]![1].image);
    expect(services.migrate?.environment?.MIGRATION_DATABASE_URL).toMatch(/^postgresql:\/\/hustings_owner:/);
    for (const [, app] of apps) {
      expect(app.depends_on?.migrate).toEqual({ condition: "service_completed_successfully" });
      expect(app.environment?.MIGRATION_DATABASE_URL).toBeUndefined();
    }
  });

  it("gives every app the production configuration, its secrets from the environment", () => {
    for (const [, app] of apps) {
      const env = app.environment ?? {};
      expect(env.TRUSTED_PROXY_HOPS).toBe("1");
      expect(env.DATABASE_URL).toMatch(/^postgresql:\/\/hustings_app:\$\{HUSTINGS_APP_PASSWORD:\?\}@/);
      for (const name of ["AUTH_SECRET", "NEXTAUTH_URL", "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY"]) expect(env[name]).toMatch(new RegExp(`^\\$\\{${name}:\\?`));
      for (const name of ["S3_ENDPOINT", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_REGION"]) expect(env[name]).toBeTruthy();
    }
    // No secret is written into the file itself.
    const text = readFileSync("deploy/compose.yaml", "utf8");
    expect(text).not.toMatch(/(PASSWORD|SECRET|KEY)[^:\n]*:\s*["']?[A-Za-z0-9+/=]{16,}["']?\s*$/m);
  });

  it("puts the proxy in front of both apps, replacing X-Forwarded-For", () => {
    expect(Object.keys(services.proxy?.depends_on ?? {}).sort()).toEqual(["app1", "app2"]);
    expect(services.proxy?.volumes).toContain("./nginx.conf:/etc/nginx/nginx.conf:ro");
    expect(nginx).toMatch(/server app1:3000/);
    expect(nginx).toMatch(/server app2:3000/);
    expect(nginx).toMatch(/proxy_set_header X-Forwarded-For \$remote_addr;/);
    expect(nginx).toMatch(/proxy_buffering off;/);
  });
});
