#!/usr/bin/env bash
# Runs Timeline's whole test suite with nothing skipped.
#
# It installs what the tests need when it is missing (PostgreSQL 15 for the Marten store tests, Chromium for the
# browser tests; via apt-get, as root), then runs `dotnet test` on the solution with CI=true, so a dependency that is
# still missing fails the run instead of skipping tests. The PostgreSQL tests start their own throwaway cluster from
# the installed binaries; nothing needs to be running beforehand.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\n== %s\n' "$*"; }

missing=()
if ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
  missing+=(postgresql-15)
fi
if ! command -v chromium >/dev/null && [ ! -x /usr/bin/chromium ]; then
  missing+=(chromium)
fi

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "The tests need: ${missing[*]}. Install them (sudo apt-get install -y ${missing[*]}) or run this script as root." >&2
    exit 1
  fi
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

export CI=true
export SNAPSHOOTER_STRICT_MODE=true
export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

log "building"
dotnet build Timeline.sln -c Release --nologo -v quiet

log "testing"
log_file=$(mktemp)
trap 'rm -f "$log_file"' EXIT
set +e
dotnet test --solution Timeline.sln -c Release --no-build 2>&1 | tee "$log_file"
status=${PIPESTATUS[0]}
set -e

# One plain closing line with the totals of every test project.
summary=$(sed -n '/Test run summary/,$p' "$log_file")
count() { printf '%s\n' "$summary" | sed -n "s/^ *$1: *\([0-9]*\).*/\1/p" | tail -n 1; }
echo
echo "$(count succeeded) passed, $(count failed) failed, $(count skipped) skipped"
exit "$status"
