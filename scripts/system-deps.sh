#!/usr/bin/env bash
# Installs the system packages the tests need, when they are missing and we may install them.
# Chromium (browser tests) comes from Debian's packages: Playwright's own browser download is not
# used. Without root or apt-get, it prints how to get it; the browser tests then say why they skip.
set -u
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
# Node.js and npm (the LHC-Forms test installs the pinned lforms package with npm ci).
command -v npm >/dev/null 2>&1 || need+=(npm)
# PostgreSQL server (tests/storage start a throwaway cluster); Debian keeps initdb in /usr/lib/postgresql/*/bin.
command -v initdb >/dev/null 2>&1 || compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null || need+=(postgresql)
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages: ${need[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
else
  echo "Missing system packages: ${need[*]}. Install them with: sudo apt-get install -y ${need[*]}"
  echo "(Browser tests are skipped, with this reason, until Chromium is installed;"
  echo " PostgreSQL storage tests likewise until postgresql is, except in CI, where they fail.)"
fi
exit 0
