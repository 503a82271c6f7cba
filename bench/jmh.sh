#!/usr/bin/env bash
# One JMH benchmark class of bench/ (its name first), on one thread pinned to one core when taskset
# is there. Prints JMH's table. Further arguments go to JMH in place of the default iterations
# (-wi 3 -w 2s -i 5 -r 3s; e.g. -wi 2 -w 2s -i 3 -r 2s for a quicker run).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
benchmark="${1:?usage: bench/jmh.sh BenchmarkClass [JMH arguments]}"
shift
./mvnw -q -B install -DskipTests -pl bench -am
./mvnw -q -B -pl bench dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
iterations=(-wi 3 -w 2s -i 5 -r 3s)
(($#)) && iterations=("$@")
pin=()
command -v taskset >/dev/null && pin=(taskset -c 0)
exec "${pin[@]}" java -cp "bench/target/classes:$(cat bench/target/classpath.txt)" -Dtradeloop.methods.dir="$PWD/methods" \
  org.openjdk.jmh.Main "$benchmark" -f 1 -t 1 "${iterations[@]}"
