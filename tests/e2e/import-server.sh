#!/usr/bin/env bash
# The import spec's own server (tests/e2e/import.spec.ts), started by playwright.config.ts: it
# writes documents, so it gets a corpus and build of its own (.e2e-import/), apart from the
# end-to-end build the other specs count documents in. `next start` as `npm start` runs it (the
# peer preload that lets the app tell local requests from others), on 0.0.0.0 so that the spec can
# also reach it from the machine's own non-loopback address, as a remote client would.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT="${E2E_IMPORT_PORT:?E2E_IMPORT_PORT}"
rm -rf .e2e-import
mkdir -p .e2e-import/corpus
# One small document: the server starts fast, and the library is not empty.
cp -r corpus/2025-05-08-takungpao-moscow-talks .e2e-import/corpus/
# A build folder only: a DATABASE_URL inherited from the PostgreSQL end-to-end run
# (tests/pg/e2e-postgres.sh) would otherwise get this one-document build published over the build
# the other specs read there.
unset DATABASE_URL DUIZHAO_PG_SCHEMA
npm run --silent duizhao -- ingest --corpus .e2e-import/corpus --build .e2e-import/build >&2
export DUIZHAO_BUILD="$PWD/.e2e-import/build" DUIZHAO_CORPUS="$PWD/.e2e-import/corpus"
exec node --import ./lib/security/peer-preload.mjs node_modules/next/dist/bin/next start -p "$PORT" -H 0.0.0.0
