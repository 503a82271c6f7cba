#!/usr/bin/env bash
# The chaos run: the default scenario on the local stack (two instances of each service that scales),
# exchange faults armed and parts killed with SIGKILL at random moments, then the invariants checked
# against the simulator's books. Uses the local stack's ports (stop ./tradeloop first); its data is in
# bench/target/chaos-home. Options: --runs 20 --seed S --chaos-seconds 150. A failing run's logs are
# kept in bench/target/chaos-failures/seed-S; `--runs 1 --seed S` replays it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./mvnw -q -B install -DskipTests
exec ./mvnw -q -B -pl bench exec:java -Dbench.main=dev.tradeloop.bench.ChaosRun -Dexec.args="--root $PWD $*"
