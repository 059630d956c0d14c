# Reqio's image. Every command it runs is in scripts/container.sh, which a test runs too
# (test/server/production/container-script.test.ts): what passes there is what runs here.
#
#   docker build -t reqio .
#   docker run -p 8787:8787 -v reqio-data:/data reqio      # or: docker compose up -d

# Build stage: all dependencies, then `npm run build` (server, widget, dashboard, .br/.gz copies).
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY . .
RUN scripts/container.sh build

# Run stage: the build and production dependencies only; no sources, no dev tools.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8787 \
    REQIO_DEMO=0 \
    REQIO_DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/scripts ./scripts
RUN scripts/container.sh install
COPY --from=build /app/dist ./dist
# The demo page, served only with REQIO_DEMO=1.
COPY --from=build /app/index.html ./index.html
# The embedded database and a generated admin token live here (with PostgreSQL, only the token).
RUN mkdir -p /data && chown node:node /data
VOLUME /data
USER node
EXPOSE 8787
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8787) + '/healthz').then((res) => process.exit(res.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM (docker stop) drains in-flight requests, then the server exits.
STOPSIGNAL SIGTERM
CMD ["scripts/container.sh", "start"]
