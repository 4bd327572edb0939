# syntax=docker/dockerfile:1
# careerbot: Node 24 LTS runs the TypeScript sources directly (type stripping), so there is no build
# output to copy; the first stage only installs production dependencies.

FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim AS runtime
# HOST: inside a container the port is reachable only where `docker run -p` publishes it, so listen on
# every interface of the container (the bot's own default, for a bare `npm start`, is loopback).
ENV NODE_ENV=production \
    DATA_DIR=/data \
    KNOWLEDGE_DIR=/app/knowledge \
    HOST=0.0.0.0
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY src ./src
COPY adapters ./adapters
COPY knowledge ./knowledge
# /app/data points at the volume too: an --env-file copied from .env.example sets DATA_DIR=./data (or leaves
# it empty, i.e. the default ./data), which would otherwise be a folder the node user cannot write.
RUN mkdir -p /data && chown node:node /data && ln -s /data /app/data
USER node
VOLUME ["/data"]
EXPOSE 3000
# Secrets (tokens, keys) come from the environment at run time, never from the image.
# Every platform mode answers GET /healthz on PORT: 200 while the Slack/Discord connection is up, 503 while
# it is not. The console chat (no token) opens no port, so there a refused connection counts as healthy.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(process.env.SLACK_BOT_TOKEN||process.env.DISCORD_TOKEN?1:0))"]
# A smaller young generation keeps the resident set well under 150 MB; the extra scavenges cost little
# for a chat bot's short-lived allocations (npm run bench measures both).
CMD ["node", "--max-semi-space-size=2", "src/main.ts"]
