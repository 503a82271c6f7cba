#!/usr/bin/env bash
# The pacing benchmark: the client's token bucket against SmallRye Fault Tolerance's rate limit, on a
# model of Kalshi's Basic read bucket; no broker, no exchange. Options: --threads 4 --calls 100
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./mvnw -q -B install -DskipTests -pl bench -am
exec ./mvnw -q -B -pl bench exec:java -Dbench.main=dev.tradeloop.bench.PacingBenchmark -Dexec.args="$*"
