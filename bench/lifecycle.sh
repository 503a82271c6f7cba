#!/usr/bin/env bash
# The pure rules' benchmark (JMH): one position's lifecycle over a recorded tick stream, on one thread
# pinned to one core when taskset is there. Prints JMH's table: ticks evaluated per second.
# Extra arguments go to JMH (e.g. -wi 2 -i 3 for a quicker run).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./mvnw -q -B install -DskipTests -pl bench -am
./mvnw -q -B -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
pin=()
command -v taskset >/dev/null && pin=(taskset -c 0)
exec "${pin[@]}" java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" -Dtradeloop.methods.dir="$PWD/methods" \
  org.openjdk.jmh.Main LifecycleBenchmark -f 1 -t 1 -wi 3 -w 2s -i 5 -r 3s "$@"
