#!/usr/bin/env bash
# The monitor benchmark: builds what it needs, then runs on a real broker and prints its figures.
# Options (all optional): --markets 500 --per-market 20 --rate 1000 --seconds 30 --warmup 30 --flood 50000
# --commit-ms 100. The broker, the load and the readers run in this JVM (BENCH_HEAP, default 1g); each
# stream application measured (the bare pipe, the monitor) runs in a JVM of its own with a service's heap
# (BENCH_APP_HEAP, default 256m, what ./tradeloop gives one service), whose GC figures are in the table.
# BENCH_JAVA_OPTS adds JVM options to this JVM, BENCH_APP_JAVA_OPTS to the applications' (%app stands for
# the application's name), e.g. -XX:StartFlightRecording=filename=/tmp/%app.jfr,settings=profile.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./mvnw -q -B install -DskipTests -pl bench -am
./mvnw -q -B -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
exec java -Xmx"${BENCH_HEAP:-1g}" ${BENCH_JAVA_OPTS:-} -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  -Dtradeloop.methods.dir="$PWD/methods" \
  dev.tradeloop.bench.MonitorBenchmark "$@"
