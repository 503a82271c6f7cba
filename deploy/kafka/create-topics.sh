#!/usr/bin/env bash
# Generated from the topic catalog (common-events Topics): do not edit. To make it again:
#   ./mvnw -pl deployment -am verify -Dtradeloop.regenerate=true
# Creates every topic of the catalog that the broker does not have yet, single copy.
# Usage: create-topics.sh <bootstrap-servers>
set -euo pipefail
bootstrap="$1"
create() { /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap" --create --if-not-exists "$@"; }
create --topic price-ticks --partitions 6 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=86400000
create --topic predictions --partitions 6 --replication-factor 1 --config cleanup.policy=compact
create --topic edges --partitions 6 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=604800000
create --topic approved-trades --partitions 6 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=-1
create --topic risk-decisions --partitions 6 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=-1
create --topic order-events --partitions 6 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=-1
create --topic fills --partitions 6 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=-1
create --topic exit-triggers --partitions 6 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=-1
create --topic position-events --partitions 6 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=-1
create --topic trading-state --partitions 1 --replication-factor 1 --config cleanup.policy=compact
create --topic account-balance --partitions 1 --replication-factor 1 --config cleanup.policy=compact
create --topic operational-errors --partitions 1 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=604800000
create --topic alerts --partitions 1 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=2592000000
create --topic price-ticks.dlq --partitions 6 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=2592000000
create --topic predictions.dlq --partitions 6 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=2592000000
create --topic edges.dlq --partitions 6 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=2592000000
create --topic approved-trades.dlq --partitions 6 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=2592000000
create --topic risk-decisions.dlq --partitions 6 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=2592000000
create --topic order-events.dlq --partitions 6 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=2592000000
create --topic fills.dlq --partitions 6 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=2592000000
create --topic exit-triggers.dlq --partitions 6 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=2592000000
create --topic position-events.dlq --partitions 6 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=2592000000
create --topic trading-state.dlq --partitions 1 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=2592000000
create --topic account-balance.dlq --partitions 1 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=2592000000
create --topic operational-errors.dlq --partitions 1 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=2592000000
create --topic alerts.dlq --partitions 1 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=2592000000
echo "topics: 26 in the catalog"
