#!/usr/bin/env bash
# Installs the Debian packages the test suites need when they are missing: kamailio (the
# differential and parity suites), kamailio-utils-modules (http_client, for the HTTP cases),
# chromium (the browser suites) and gcc (tests/regex asks glibc's own regcomp/regexec). It
# installs only as root on Debian.
#
# Exit status: 0 when everything is there afterwards (or nothing could be installed outside CI:
# those suites then report themselves skipped, with the reason); 1 when an install failed, or
# when something is missing in CI (env CI set), where a skipped suite is a failed suite.
set -u
MODULES=/usr/lib/x86_64-linux-gnu/kamailio/modules
need=()
[ -x /usr/sbin/kamailio ] || need+=(kamailio)
[ -f "$MODULES/http_client.so" ] || need+=(kamailio-utils-modules)
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v cc >/dev/null 2>&1 || need+=(gcc libc6-dev)
[ ${#need[@]} -eq 0 ] && exit 0

in_ci() { [ -n "${CI:-}" ] && [ "${CI}" != 0 ] && [ "${CI}" != false ]; }

if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1 || [ ! -f /etc/debian_version ]; then
  echo "setup-deps: not root on Debian; cannot install: ${need[*]}" >&2
  if in_ci; then
    echo "setup-deps: FAILED: in CI these are required: ${need[*]}" >&2
    exit 1
  fi
  exit 0
fi
echo "setup-deps: installing ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
if ! apt-get update -qq >/dev/null; then
  echo "setup-deps: FAILED: apt-get update" >&2
  exit 1
fi
if ! apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; then
  echo "setup-deps: FAILED: apt-get install ${need[*]}" >&2
  exit 1
fi
exit 0
