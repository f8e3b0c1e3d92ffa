#!/usr/bin/env bash
# Runs every test of PlanTracker against real parts: the tests start their own PostgreSQL
# cluster from the machine's PostgreSQL binaries. Installs what a fresh machine lacks.
set -euo pipefail
cd "$(dirname "$0")"

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then
  echo "Installing PostgreSQL server binaries (Debian package 'postgresql')..."
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
fi

log=$(mktemp)
set +e
dotnet test PlanTracker.sln -c Release 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One plain closing line for CI: "N passed, N failed" summed over the test projects.
awk '/(Passed|Failed)! +- +Failed: /{gsub(",","");for(i=1;i<=NF;i++){if($i=="Failed:")f+=$(i+1);if($i=="Passed:")p+=$(i+1);if($i=="Skipped:")s+=$(i+1)}}
     END{printf "tests: %d passed, %d failed, %d skipped\n", p, f, s}' "$log"
rm -f "$log"
exit "$status"
