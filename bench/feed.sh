#!/usr/bin/env bash
# edge-service's market data benchmark: the packaged edge-service on the project's simulator and a real
# broker turns book changes into price-ticks; prints its ticks/s next to the simulator's book changes/s and a
# bare producer's. Options (all optional): --markets 20 --moves 5000 (per market) --warmup 2000
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./mvnw -q -B install -DskipTests -pl bench,edge-service,exchange-sim -am
./mvnw -q -B -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
exec java -Xmx"${BENCH_HEAP:-1g}" ${BENCH_JAVA_OPTS:-} -cp "bench/target/classes:$(cat bench/target/classpath.txt)" \
  -Dtradeloop.root="$PWD" dev.tradeloop.bench.FeedBenchmark "$@"
