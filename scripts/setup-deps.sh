#!/usr/bin/env bash
# Installs the Debian packages some test suites need (kamailio for the differential suites,
# chromium for the browser suites) when they are missing, we are root, and this is Debian.
# Elsewhere it installs nothing; those suites then report themselves as skipped with the reason.
set -u
need=()
command -v kamailio >/dev/null 2>&1 || [ -x /usr/sbin/kamailio ] || need+=(kamailio)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1 || [ ! -f /etc/debian_version ]; then
  echo "setup-deps: not root on Debian; not installing: ${need[*]}" >&2
  exit 0
fi
echo "setup-deps: installing ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
  || echo "setup-deps: apt-get failed for ${need[*]}" >&2
exit 0
