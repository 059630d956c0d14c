#!/bin/sh
# The container image's steps, in one place: the Dockerfile runs exactly these, and so does
# test/server/production/container-script.test.ts on a fresh copy of the tree (no Docker needed).
#
#   scripts/container.sh build     all dependencies, then `npm run build` (the build stage)
#   scripts/container.sh install   production dependencies only (the run stage)
#   scripts/container.sh start     the built server, as this process (signals reach it)
set -eu
cd "$(dirname "$0")/.."

case "${1:-}" in
  build)
    npm ci --no-audit --no-fund
    npm run build
    ;;
  install)
    npm ci --omit=dev --no-audit --no-fund
    ;;
  start)
    # exec: the server becomes this process, so `docker stop` (SIGTERM) drains it.
    exec node scripts/start.mjs
    ;;
  *)
    echo "usage: scripts/container.sh build|install|start" >&2
    exit 64
    ;;
esac
