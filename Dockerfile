# syntax=docker/dockerfile:1
# careerbot: Node 24 LTS runs the TypeScript sources directly (type stripping), so there is no build
# output to copy; the first stage only installs production dependencies.

FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    DATA_DIR=/data \
    KNOWLEDGE_DIR=/app/knowledge
# Outside the container only the published port reaches the bot, so it listens on every interface inside.
ENV HOST=0.0.0.0
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json ./
COPY src ./src
COPY adapters ./adapters
COPY knowledge ./knowledge
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# Secrets (tokens, keys) come from the environment at run time, never from the image.
# Slack's HTTP mode answers GET /healthz on PORT; Socket Mode opens no port, so there the check passes
# when nothing listens.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(process.env.SLACK_APP_TOKEN?0:1))"]
# A smaller young generation keeps the resident set well under 150 MB; the extra scavenges cost little
# for a chat bot's short-lived allocations (npm run bench measures both).
CMD ["node", "--max-semi-space-size=2", "src/main.ts"]
