#!/usr/bin/env bash
# What reading and writing a price tick costs (JMH): the price-ticks codec's decode, with every check,
# and its encode, on one thread pinned to one core. Prints operations per second. Extra arguments go to JMH.
exec "$(dirname "${BASH_SOURCE[0]}")/jmh.sh" CodecBenchmark "$@"
