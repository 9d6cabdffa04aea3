# syntax=docker/dockerfile:1
# The production image (docs/deploy.md, docs/decisions/031-production-packaging.md): three stages,
# and only the last, with the standalone server folder and no checkout, compiler or dev package,
# is shipped. Build from the project's folder:
#
#   docker build --build-arg BUILD_ID="$(git rev-parse HEAD)" \
#     --secret id=server_actions_key,env=NEXT_SERVER_ACTIONS_ENCRYPTION_KEY -t hustings:<release> .
#
# The server actions' key is read by `next build` (Next embeds it in the build) and must be given
# to the running servers too: the server refuses to start when the two differ.

ARG NODE_IMAGE=node:20-slim

# --- deps: every package, dev ones included (the build needs Next's compiler, Tailwind, esbuild …)
FROM ${NODE_IMAGE} AS deps
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED=1
# postinstall generates the Prisma client from the schema (scripts/db/generate.mjs).
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma/schema.prisma prisma/schema.prisma
COPY scripts/db/generate.mjs scripts/db/generate.mjs
# Not `npm ci`: the lockfile cannot hold other platforms' native builds (docs/testing.md).
RUN npm install --no-audit --no-fund

# --- build: next build (standalone output), then the production server and the migrations added to it
FROM deps AS build
COPY . .
# The release's id, e.g. its git commit: instances built apart agree on it (next.config.ts).
ARG BUILD_ID
ENV BUILD_ID=${BUILD_ID} NODE_ENV=production CI=1
RUN --mount=type=secret,id=server_actions_key,env=NEXT_SERVER_ACTIONS_ENCRYPTION_KEY \
    test -n "$NEXT_SERVER_ACTIONS_ENCRYPTION_KEY" || { echo "give the build the release's key: --secret id=server_actions_key,env=NEXT_SERVER_ACTIONS_ENCRYPTION_KEY" >&2; exit 1; }; \
    npx next build && npx tsx scripts/build-standalone.ts --out /out

# --- runtime: the standalone folder alone, run as an unprivileged user
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOSTNAME=0.0.0.0 PORT=3000
COPY --from=build --chown=node:node /out /app
# The page cache and uploads on local disk (when no S3 store is configured) are written here.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# `node migrate.cjs` runs the release's migrations from the same image (deploy/compose.yaml).
CMD ["node", "server.cjs"]
