#!/usr/bin/env bash
# Runs every test of PlanTracker against real parts: the tests start their own PostgreSQL
# cluster from the machine's PostgreSQL binaries. Installs what a fresh machine lacks.
set -euo pipefail
cd "$(dirname "$0")"

# Real parts, from Debian: PostgreSQL server binaries, an SMTP server (aiosmtpd) for the mail tests,
# node/npm for the front-end build and Chromium for the browser tests.
missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || missing+=(postgresql)
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || missing+=(python3-aiosmtpd)
# The build installs the pages' libraries from the npm registry; the browser tests drive Debian's Chromium.
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
[ -x /usr/bin/chromium ] || missing+=(chromium)
# The fault tests put Debian's nginx in front of two nodes (run as the test's own process, not a service).
[ -x /usr/sbin/nginx ] || missing+=(nginx)
# The pgbouncer test runs Debian's pgbouncer in transaction pooling in front of a test cluster (its own process too).
[ -x /usr/sbin/pgbouncer ] || missing+=(pgbouncer)
if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} (Debian packages)..."
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# ./test.sh --faketime '+365d': the whole suite with the machine's clock moved (Debian's faketime, installed when
# missing). The monotonic clock stays real: .NET's timed waits return at once when libfaketime rewrites them.
if [ "${1:-}" = "--faketime" ]; then
  command -v faketime >/dev/null 2>&1 || { $SUDO apt-get update -qq; DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq faketime >/dev/null; }
  offset="${2:-+365d}"
  shift 2 || shift $#
  export FAKETIME_DONT_FAKE_MONOTONIC=1 FAKETIME_FORCE_MONOTONIC_FIX=0
  exec faketime -f "$offset" "$0" "$@"
fi

[ -n "${FAKETIME:-}" ] && echo "faketime ${FAKETIME}: the clock reads $(date -u '+%Y-%m-%d %H:%M UTC')"

# ./test.sh --faults: only the fault and hostile-input tests, the PostgreSQL restarts repeated
# (PLANTRACKER_FAULT_ROUNDS, 5 by default here); figures in docs/RELIABILITY.md.
args=()
if [ "${1:-}" = "--faults" ]; then
  export PLANTRACKER_FAULT_ROUNDS="${PLANTRACKER_FAULT_ROUNDS:-5}"
  args=(--filter "FullyQualifiedName~PlanTracker.Tests.Reliability|FullyQualifiedName~PlanTracker.Tests.Security" --logger "console;verbosity=detailed")
fi

log=$(mktemp)
started=$(mktemp) # made before the run: a report newer than this one was written by this run
set +e
dotnet test PlanTracker.sln -c Release "${args[@]}" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# The drafting accuracy scores (issue 7), which a passing test's output would not show.
report=tests/PlanTracker.Tests/bin/Release/net10.0/drafting-accuracy.txt
if [ -f "$report" ] && [ "$report" -nt "$started" ]; then cat "$report"; fi
# The failed tests' names and error messages again after the long accuracy report, so that the tail of a CI
# log says which test failed and why (an intermittent failure may not come back for a second look).
awk '/^ +Failed [A-Za-z_][A-Za-z0-9_]*\.[A-Za-z0-9_.]+[ (]/{m=0; if(n++<30){sub(/^ */,"failed: ");print;m=1;k=0}; next}
     m && /^ *Stack Trace:/{m=0} m && k<8{sub(/^ */,"  ");print;k++}' "$log" || true
# One plain closing line for CI: "N passed, N failed" summed over the test projects.
awk '/(Passed|Failed)! +- +Failed: /{gsub(",","");for(i=1;i<=NF;i++){if($i=="Failed:")f+=$(i+1);if($i=="Passed:")p+=$(i+1);if($i=="Skipped:")s+=$(i+1)}}
     # the detailed logger of --faults prints the totals on lines of their own instead
     /^ *Total tests: /{d=1} d && /^ +Passed: +[0-9]+ *$/{p+=$2} d && /^ +Failed: +[0-9]+ *$/{f+=$2} d && /^ +Skipped: +[0-9]+ *$/{s+=$2}
     END{printf "tests: %d passed, %d failed, %d skipped\n", p, f, s}' "$log"
rm -f "$log" "$started"
exit "$status"
