#!/usr/bin/env bash
# Runs PlanTracker with its embedded defaults: a private PostgreSQL in ./.data, the seed
# plans loaded, mail to ./.data/mail, compiled reports to ./.data/reports. Extra arguments go to the app (e.g. --urls).
set -euo pipefail
cd "$(dirname "$0")"
export Embedded__DataDirectory="${Embedded__DataDirectory:-$PWD/.data}"
export Mail__PickupDirectory="${Mail__PickupDirectory:-$PWD/.data/mail}"
export Evidence__Directory="${Evidence__Directory:-$PWD/.data/evidence}"
export Reports__Directory="${Reports__Directory:-$PWD/.data/reports}"
# The build installs the pages' libraries (Bootstrap, htmx, Chart.js) with npm.
if ! command -v npm >/dev/null 2>&1; then
  echo "Installing nodejs and npm (Debian packages) for the front-end build..."
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nodejs npm >/dev/null
fi
exec dotnet run --project src/PlanTracker.Web -c Release -- "$@"
