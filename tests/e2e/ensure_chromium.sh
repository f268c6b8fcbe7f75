#!/usr/bin/env bash
# The browser tests drive Debian's chromium (never a browser build downloaded by a test tool).
# Install it when missing; as root this needs no prompt, otherwise say what to run.
set -euo pipefail
CHROMIUM="${KMOB_CHROMIUM:-/usr/bin/chromium}"
if [[ -x "$CHROMIUM" ]]; then
  exit 0
fi
if [[ "$(id -u)" != "0" ]]; then
  echo "ensure_chromium: $CHROMIUM is missing; run: sudo apt-get update && sudo apt-get install -y chromium" >&2
  exit 1
fi
echo "ensure_chromium: installing Debian's chromium for the browser tests ..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
"$CHROMIUM" --version
