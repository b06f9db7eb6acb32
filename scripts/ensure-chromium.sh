#!/usr/bin/env bash
# Browser tests run in Debian's Chromium (no browser download): install it when it is missing.
set -euo pipefail
CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium est absent : installation du paquet Debian « chromium » avec apt-get (environ une minute)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  echo "Chromium installé : $("$CHROMIUM" --version)"
  exit 0
fi
echo "Chromium est nécessaire aux tests navigateur et n'est pas installé ($CHROMIUM)." >&2
echo "Installez-le avec :  sudo apt-get update && sudo apt-get install -y chromium" >&2
exit 1
