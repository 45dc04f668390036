#!/usr/bin/env bash
# Runs Timeline's whole test suite with nothing skipped.
#
# It installs what the tests need when it is missing (PostgreSQL 15 for the Marten store tests, Chromium for the
# browser tests; via apt-get, as root), then runs `dotnet test` on the solution with CI=true, so a dependency that is
# still missing fails the run instead of skipping tests. The PostgreSQL tests start their own throwaway cluster from
# the installed binaries; nothing needs to be running beforehand. Last, it packs the `timeline` dotnet tool from the
# Release build, installs it into a temporary tool path and runs `timeline demo` from there; a failure there fails
# the run too.
set -euo pipefail

# Tests stop the CLI and server processes they start with Ctrl+C (SIGINT). A shell started in the background by a
# non-interactive one ignores SIGINT; every process it starts inherits that, and a .NET program then keeps ignoring it
# (as a background job should), so those tests would wait in vain. Run once more with SIGINT at its default.
if [ -z "${TIMELINE_RUN_ALL_SIGINT:-}" ]; then
  export TIMELINE_RUN_ALL_SIGINT=default
  exec env --default-signal=INT bash "$0" "$@"
fi

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
tool_dir=$(mktemp -d)
trap 'rm -rf "$log_file" "$tool_dir"' EXIT
set +e
dotnet test --solution Timeline.sln -c Release --no-build 2>&1 | tee "$log_file"
status=${PIPESTATUS[0]}
set -e

# The dotnet tool, as a user installs it: packed from the build above, installed into a tool path of its own, and
# run from there. TMPDIR keeps the demo's store file in the folder this script removes.
log "installing the dotnet tool"
tool_ok=false
if dotnet pack src/Timeline.Cli -c Release --no-build --nologo -v quiet -o "$tool_dir/packages"; then
  packages=("$tool_dir"/packages/Timeline.Cli.*.nupkg)
  version=${packages[0]##*/Timeline.Cli.}
  version=${version%.nupkg}
  if dotnet tool install --tool-path "$tool_dir/tools" \
       --add-source "$tool_dir/packages" --ignore-failed-sources Timeline.Cli --version "$version" \
    && (cd "$tool_dir" && TMPDIR="$tool_dir" "$tool_dir/tools/timeline" demo >"$tool_dir/demo.txt" 2>&1 \
        || { cat "$tool_dir/demo.txt"; false; }); then
    tool_ok=true
  fi
fi
if $tool_ok; then
  tool_result="the dotnet tool: Timeline.Cli $version installs, and 'timeline demo' runs from it"
else
  tool_result="the dotnet tool: packing, installing or 'timeline demo' failed (see above)"
  [ "$status" -ne 0 ] || status=1
fi

# One plain closing line with the totals of every test project.
summary=$(sed -n '/Test run summary/,$p' "$log_file")
count() { printf '%s\n' "$summary" | sed -n "s/^ *$1: *\([0-9]*\).*/\1/p" | tail -n 1; }
echo
echo "$tool_result"
echo "$(count succeeded) passed, $(count failed) failed, $(count skipped) skipped"
exit "$status"
