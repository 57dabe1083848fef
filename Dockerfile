# syntax=docker/dockerfile:1
# shebao-bot: multi-stage build, production dependencies only, non-root user.
# The base image is pinned by exact version; for a reproducible production build pin its digest
# too: docker build --build-arg NODE_IMAGE=node:20.20.2-bookworm-slim@sha256:<digest> .
# (the digest: docker buildx imagetools inspect node:20.20.2-bookworm-slim). Node 20 is the
# project's runtime (package.json engines); move this pin when the project moves.
ARG NODE_IMAGE=node:20.20.2-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
# npm ci runs the prepare script (it builds only once src/ is there, and says nothing before).
COPY scripts/build-if-changed.mjs ./scripts/
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts/build-if-changed.mjs ./scripts/
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE}
# Production: the bot refuses to start without WEBHOOK_SECRET (or ALLOW_UNSIGNED_WEBHOOK=on).
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0
WORKDIR /app
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node package.json ./
COPY --chown=node:node intents ./intents
COPY --chown=node:node policies ./policies
COPY --chown=node:node replies ./replies
COPY --chown=node:node public ./public
# State kept across restarts (the WeChat login, WECHATY_SESSION_PATH); mount a volume here.
RUN install -d -o node -g node -m 700 /var/lib/shebao
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/main.js"]
