#!/usr/bin/env bash
# Sets up a fresh Debian machine for Newsmark: the browsers the demo and the
# end-to-end tests drive (Debian's chromium and firefox-esr; no test tool may
# download its own), then the npm packages from the lock file.
set -euo pipefail
cd "$(dirname "$0")/../.."

need=()
command -v chromium >/dev/null || need+=(chromium)
command -v firefox-esr >/dev/null || need+=(firefox-esr)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q
  $sudo apt-get install -y -q "${need[@]}"
fi

npm ci --no-audit --no-fund
