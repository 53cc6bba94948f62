#!/usr/bin/env bash
# Before the tests (npm's pretest, and .ci/run): the real-browser test drives Debian's Chromium at
# /usr/bin/chromium. When it is missing, install Debian's package with apt-get and say so. Never a
# browser downloaded any other way (no `playwright install`, no puppeteer download).
set -euo pipefail

chromium=/usr/bin/chromium
[ -x "$chromium" ] && exit 0

echo "test setup: $chromium is missing; installing Debian's chromium package with apt-get (the chat page's browser test needs it)" >&2
if ! command -v apt-get >/dev/null 2>&1; then
  echo "test setup: no apt-get here; install Chromium at $chromium, then run the tests again" >&2
  exit 1
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "test setup: installing needs root: run 'apt-get update && apt-get install -y chromium' as root" >&2
    exit 1
  fi
  sudo=(sudo)
fi
# Wait for another apt or dpkg run to finish rather than fail on its lock.
lock=(-o DPkg::Lock::Timeout=300)
"${sudo[@]}" apt-get "${lock[@]}" update -qq
DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get "${lock[@]}" install -y -qq chromium >/dev/null
echo "test setup: installed $("$chromium" --version 2>/dev/null || echo chromium)" >&2
