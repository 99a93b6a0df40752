#!/usr/bin/env bash
# `npm test`: installs what the tests need when it is missing (Debian chromium and CJK fonts),
# then runs every test: unit tests, a fresh ingest and production build, the end-to-end tests
# in real Chromium against `next start`, and a load test of that server on loopback.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} (Debian packages) for the end-to-end tests…"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi

echo "== dependency audit (production dependencies)"
npm run --silent check:audit
echo "== type check"
npx tsc --noEmit -p .
echo "== layering"
npm run --silent check:layers
echo "== lint (ESLint), format (Prettier) and unused code (knip)"
npm run --silent lint
npm run --silent check:format
npm run --silent check:unused
# The storage tests run against a real PostgreSQL of the repo's own (.pg/, 127.0.0.1:54329; Debian's
# package is installed when missing). With DUIZHAO_REQUIRE_PG=1 a storage test whose server is not
# reachable fails instead of being skipped (tests/pg/database.ts).
echo "== PostgreSQL for the storage tests"
DATABASE_URL_TEST="$(bash tests/pg/ensure-postgres.sh)"
export DATABASE_URL_TEST DUIZHAO_REQUIRE_PG=1
echo "== unit tests"
npx vitest run
echo "== ingest (the real corpus)"
npm run --silent duizhao -- ingest

# The end-to-end build is the real corpus plus hostile fixture documents (a translation with
# javascript: links and raw <img onerror>, an unaligned paragraph), so that the security and
# unaligned-pair tests have something real to check. It lives in .e2e/, apart from build/.
echo "== ingest (the real corpus + end-to-end fixtures)"
rm -rf .e2e && mkdir -p .e2e/corpus
cp -r corpus/. .e2e/corpus/
cp -r tests/fixtures/e2e-corpus/. .e2e/corpus/
npm run --silent duizhao -- ingest --corpus .e2e/corpus --build .e2e/build
export DUIZHAO_BUILD="$PWD/.e2e/build"

echo "== production build"
npx next build
echo "== end-to-end tests (Chromium against next start)"
npx playwright test
# "Same features, same tests, both ways": the specs that read the build, again against a
# `next start` serving the same build from PostgreSQL (tests/pg/e2e-postgres.sh, docs/postgres.md).
echo "== end-to-end tests against PostgreSQL (the same build, published to the test server)"
E2E_PORT="${E2E_PG_PORT:-3150}" bash tests/pg/e2e-postgres.sh
# The search API and reader pages under load (docs/load-test.md): the same build, its own
# `next start` on 127.0.0.1; fails on any error, timeout or non-2xx answer, or memory that stays up.
echo "== load test (next start on 127.0.0.1, 30 s at 50 connections)"
npm run --silent bench:load -- --seconds 30 --connections 50
