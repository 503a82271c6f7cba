#!/usr/bin/env bash
# The monitor benchmark: builds what it needs, then runs on a real (in-process) Kafka broker and prints
# its figures. Options (all optional): --markets 500 --per-market 20 --rate 1000 --seconds 30 --flood 50000
# The whole benchmark (broker, monitor, bare pipe, load and readers in one JVM) runs within BENCH_HEAP
# (default 256m, the heap ./tradeloop gives one service); its GC figures are in the table. BENCH_JAVA_OPTS
# adds JVM options, e.g. -XX:StartFlightRecording=filename=monitor.jfr,settings=profile for a profile.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./mvnw -q -B install -DskipTests -pl bench -am
./mvnw -q -B -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
exec java -Xmx"${BENCH_HEAP:-256m}" ${BENCH_JAVA_OPTS:-} -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  -Dtradeloop.methods.dir="$PWD/methods" \
  dev.tradeloop.bench.MonitorBenchmark "$@"
