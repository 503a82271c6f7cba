#!/usr/bin/env bash
# The monitor benchmark: builds what it needs, then runs on a real (in-process) Kafka broker and prints
# its figures. Options (all optional): --markets 500 --per-market 20 --rate 1000 --seconds 30 --flood 50000
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./mvnw -q -B install -DskipTests -pl bench -am
exec ./mvnw -q -B -pl bench exec:java -Dexec.args="$*"
