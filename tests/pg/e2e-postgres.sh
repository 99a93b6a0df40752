#!/usr/bin/env bash
# The end-to-end specs against `next start` reading its build from PostgreSQL: the same specs as
# the embedded run, so "same features both ways" is checked in a browser too. Run after
# tests/run-all.sh has made .e2e/build and `next build` (or make them as it does).
#
# The end-to-end build is published to the test server under its own schema; the server gets
# DUIZHAO_BUILD pointing at a folder holding only manifest.json (the specs read it to know the
# documents), so every document, gloss and search the app serves comes from PostgreSQL.
#
#   E2E_PORT=3330 bash tests/pg/e2e-postgres.sh [spec…]   (default: the specs that read the build)
set -euo pipefail
cd "$(dirname "$0")/../.."
[ -f .e2e/build/manifest.json ] || { echo "no .e2e/build: run the end-to-end ingest first (tests/run-all.sh)" >&2; exit 1; }
URL="${DATABASE_URL_TEST:-$(bash tests/pg/ensure-postgres.sh)}"
SCHEMA=e2e
DUIZHAO_PG_SCHEMA=$SCHEMA npm run --silent duizhao -- publish --build .e2e/build --database "$URL" >/dev/null
ONLY="$(mktemp -d)"
trap 'rm -rf "$ONLY"' EXIT
cp .e2e/build/manifest.json "$ONLY/"
specs=("$@")
[ ${#specs[@]} -gt 0 ] || specs=(tests/e2e/api.spec.ts tests/e2e/search.spec.ts tests/e2e/reader.spec.ts tests/e2e/library.spec.ts tests/e2e/terms.spec.ts)
DATABASE_URL="$URL" DUIZHAO_PG_SCHEMA=$SCHEMA DUIZHAO_BUILD="$ONLY" npx playwright test "${specs[@]}"
