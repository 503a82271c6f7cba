#!/usr/bin/env bash
# The pure rules' benchmark (JMH): one position's lifecycle over a recorded tick stream, on one thread
# pinned to one core. Prints JMH's table: ticks evaluated per second. Extra arguments go to JMH.
exec "$(dirname "${BASH_SOURCE[0]}")/jmh.sh" LifecycleBenchmark "$@"
