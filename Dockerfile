# Self-hosting image on Next's standalone output (README, "Self-hosting").
#
#   docker build -t reactor-starter .
#   docker run -p 3000:3000 -e REACTOR_API_KEY=rk_... reactor-starter
#
# Configuration is read at run time (`-e` or `--env-file`), never baked in:
# .dockerignore keeps .env files out of the build context. This file has not
# been built in this repository's CI, which has no Docker engine; CI runs the
# same standalone server without Docker (tests/deploy/standalone.spec.ts).

# Any Node the project supports (20.19+, 22.13+, 24); pin a digest for
# reproducible images.
ARG NODE_IMAGE=node:22-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# Dependencies first, so code changes reuse this layer.
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:standalone

FROM ${NODE_IMAGE} AS run
WORKDIR /app
# server.js listens on HOSTNAME, which Docker sets to the container id: bind
# to every interface instead.
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0
# server.js, the traced node_modules, .next/static and public/: nothing else
# (no emulator, no devDependencies; `npm run check:traces` proves it).
COPY --from=build --chown=node:node /app/.next/standalone ./
# The image's unprivileged user (uid 1000).
USER node
EXPOSE 3000
# Readiness without minting: 503 until REACTOR_API_KEY and the rest are valid.
# node:*-slim has no curl, so Node's own fetch does the probe.
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server.js"]
