#!/usr/bin/env bash
# Runs PlanTracker with its embedded defaults: a private PostgreSQL in ./.data, the seed
# plans loaded, mail to ./.data/mail, compiled reports to ./.data/reports. Extra arguments go to the app (e.g. --urls).
set -euo pipefail
cd "$(dirname "$0")"
export Embedded__DataDirectory="${Embedded__DataDirectory:-$PWD/.data}"
export Mail__PickupDirectory="${Mail__PickupDirectory:-$PWD/.data/mail}"
export Evidence__Directory="${Evidence__Directory:-$PWD/.data/evidence}"
export Reports__Directory="${Reports__Directory:-$PWD/.data/reports}"
exec dotnet run --project src/PlanTracker.Web -c Release -- "$@"
