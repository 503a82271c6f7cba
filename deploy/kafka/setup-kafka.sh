#!/usr/bin/env bash
# Generated from the topic catalog (common-events Topics and KafkaUser): do not edit. To make it again:
#   ./mvnw -pl deployment -am verify -Dtradeloop.regenerate=true
# Makes the broker hold the catalog's topics (single copy), a SCRAM user per service and model
# with its password (from TRADELOOP_KAFKA_PASSWORD_<USER>), and exactly the ACLs each may have.
# Usage: setup-kafka.sh <bootstrap-servers>, with TRADELOOP_KAFKA_ADMIN_PASSWORD set.
set -euo pipefail
bootstrap="$1"
admin=/tmp/setup-kafka-admin.properties
cat >"$admin" <<CONFIG
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="tradeloop-admin" password="${TRADELOOP_KAFKA_ADMIN_PASSWORD:?}";
CONFIG
topic() { /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap" --command-config "$admin" --create --if-not-exists "$@"; }
user() { /opt/kafka/bin/kafka-configs.sh --bootstrap-server "$bootstrap" --command-config "$admin" --alter --entity-type users --entity-name "$1" --add-config "SCRAM-SHA-512=[iterations=8192,password=$2]"; }
allow() { /opt/kafka/bin/kafka-acls.sh --bootstrap-server "$bootstrap" --command-config "$admin" --add --allow-principal "$@" >/dev/null; }
topic --topic price-ticks --partitions 6 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=86400000
topic --topic predictions --partitions 6 --replication-factor 1 --config cleanup.policy=compact
topic --topic edges --partitions 6 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=604800000
topic --topic approved-trades --partitions 6 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=-1
topic --topic risk-decisions --partitions 6 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=-1
topic --topic order-events --partitions 6 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=-1
topic --topic fills --partitions 6 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=-1
topic --topic exit-triggers --partitions 6 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=-1
topic --topic position-events --partitions 6 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=-1
topic --topic position-marks --partitions 6 --replication-factor 1 --config cleanup.policy=compact,delete --config retention.ms=604800000
topic --topic trading-state --partitions 1 --replication-factor 1 --config cleanup.policy=compact
topic --topic account-balance --partitions 1 --replication-factor 1 --config cleanup.policy=compact
topic --topic operational-errors --partitions 1 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=604800000
topic --topic alerts --partitions 1 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=2592000000
topic --topic price-ticks.dlq --partitions 6 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=2592000000
topic --topic predictions.dlq --partitions 6 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=2592000000
topic --topic edges.dlq --partitions 6 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=2592000000
topic --topic approved-trades.dlq --partitions 6 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=2592000000
topic --topic risk-decisions.dlq --partitions 6 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=2592000000
topic --topic order-events.dlq --partitions 6 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=2592000000
topic --topic fills.dlq --partitions 6 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=2592000000
topic --topic exit-triggers.dlq --partitions 6 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=2592000000
topic --topic position-events.dlq --partitions 6 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=2592000000
topic --topic position-marks.dlq --partitions 6 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=2592000000
topic --topic trading-state.dlq --partitions 1 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=2592000000
topic --topic account-balance.dlq --partitions 1 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=2592000000
topic --topic operational-errors.dlq --partitions 1 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=2592000000
topic --topic alerts.dlq --partitions 1 --replication-factor 1 --config cleanup.policy=delete --config retention.ms=2592000000
user edge-service "${TRADELOOP_KAFKA_PASSWORD_EDGE_SERVICE:?}"
allow User:edge-service --topic price-ticks --operation Write --operation Describe --operation Read
allow User:edge-service --topic predictions --operation Write --operation Describe --operation Read
allow User:edge-service --topic edges --operation Write --operation Describe
allow User:edge-service --topic alerts --operation Write --operation Describe
allow User:edge-service --topic operational-errors --operation Write --operation Describe
allow User:edge-service --topic price-ticks.dlq --operation Write --operation Describe
allow User:edge-service --topic predictions.dlq --operation Write --operation Describe
allow User:edge-service --topic trading-state.dlq --operation Write --operation Describe
allow User:edge-service --topic trading-state --operation Read --operation Describe
allow User:edge-service --group edge-service --resource-pattern-type prefixed --operation Read --operation Describe
user risk-service "${TRADELOOP_KAFKA_PASSWORD_RISK_SERVICE:?}"
allow User:risk-service --topic approved-trades --operation Write --operation Describe --operation Read
allow User:risk-service --topic risk-decisions --operation Write --operation Describe
allow User:risk-service --topic trading-state --operation Write --operation Describe --operation Read
allow User:risk-service --topic account-balance --operation Write --operation Describe --operation Read
allow User:risk-service --topic alerts --operation Write --operation Describe
allow User:risk-service --topic operational-errors --operation Write --operation Describe --operation Read
allow User:risk-service --topic edges.dlq --operation Write --operation Describe
allow User:risk-service --topic approved-trades.dlq --operation Write --operation Describe
allow User:risk-service --topic order-events.dlq --operation Write --operation Describe
allow User:risk-service --topic fills.dlq --operation Write --operation Describe
allow User:risk-service --topic position-events.dlq --operation Write --operation Describe
allow User:risk-service --topic position-marks.dlq --operation Write --operation Describe
allow User:risk-service --topic account-balance.dlq --operation Write --operation Describe
allow User:risk-service --topic operational-errors.dlq --operation Write --operation Describe
allow User:risk-service --topic trading-state.dlq --operation Write --operation Describe
allow User:risk-service --topic edges --operation Read --operation Describe
allow User:risk-service --topic order-events --operation Read --operation Describe
allow User:risk-service --topic fills --operation Read --operation Describe
allow User:risk-service --topic position-events --operation Read --operation Describe
allow User:risk-service --topic position-marks --operation Read --operation Describe
allow User:risk-service --group risk-service --resource-pattern-type prefixed --operation Read --operation Describe
user order-service "${TRADELOOP_KAFKA_PASSWORD_ORDER_SERVICE:?}"
allow User:order-service --topic order-events --operation Write --operation Describe
allow User:order-service --topic fills --operation Write --operation Describe
allow User:order-service --topic account-balance --operation Write --operation Describe
allow User:order-service --topic alerts --operation Write --operation Describe
allow User:order-service --topic operational-errors --operation Write --operation Describe
allow User:order-service --topic approved-trades.dlq --operation Write --operation Describe
allow User:order-service --topic trading-state.dlq --operation Write --operation Describe
allow User:order-service --topic approved-trades --operation Read --operation Describe
allow User:order-service --topic trading-state --operation Read --operation Describe
allow User:order-service --group order-service --resource-pattern-type prefixed --operation Read --operation Describe
user monitor-service "${TRADELOOP_KAFKA_PASSWORD_MONITOR_SERVICE:?}"
allow User:monitor-service --topic position-events --operation Write --operation Describe
allow User:monitor-service --topic position-marks --operation Write --operation Describe
allow User:monitor-service --topic exit-triggers --operation Write --operation Describe
allow User:monitor-service --topic alerts --operation Write --operation Describe
allow User:monitor-service --topic operational-errors --operation Write --operation Describe
allow User:monitor-service --topic price-ticks.dlq --operation Write --operation Describe
allow User:monitor-service --topic predictions.dlq --operation Write --operation Describe
allow User:monitor-service --topic fills.dlq --operation Write --operation Describe
allow User:monitor-service --topic order-events.dlq --operation Write --operation Describe
allow User:monitor-service --topic risk-decisions.dlq --operation Write --operation Describe
allow User:monitor-service --topic trading-state.dlq --operation Write --operation Describe
allow User:monitor-service --topic price-ticks --operation Read --operation Describe
allow User:monitor-service --topic predictions --operation Read --operation Describe
allow User:monitor-service --topic fills --operation Read --operation Describe
allow User:monitor-service --topic order-events --operation Read --operation Describe
allow User:monitor-service --topic risk-decisions --operation Read --operation Describe
allow User:monitor-service --topic trading-state --operation Read --operation Describe
allow User:monitor-service --group monitor-service --resource-pattern-type prefixed --operation Read --operation Describe
allow User:monitor-service --topic monitor-service- --resource-pattern-type prefixed --operation All
allow User:monitor-service --group monitor-service --resource-pattern-type prefixed --operation Delete
allow User:monitor-service --transactional-id monitor-service --resource-pattern-type prefixed --operation Write --operation Describe
user exit-service "${TRADELOOP_KAFKA_PASSWORD_EXIT_SERVICE:?}"
allow User:exit-service --topic order-events --operation Write --operation Describe
allow User:exit-service --topic fills --operation Write --operation Describe
allow User:exit-service --topic account-balance --operation Write --operation Describe
allow User:exit-service --topic alerts --operation Write --operation Describe
allow User:exit-service --topic operational-errors --operation Write --operation Describe
allow User:exit-service --topic exit-triggers.dlq --operation Write --operation Describe
allow User:exit-service --topic trading-state.dlq --operation Write --operation Describe
allow User:exit-service --topic exit-triggers --operation Read --operation Describe
allow User:exit-service --topic trading-state --operation Read --operation Describe
allow User:exit-service --group exit-service --resource-pattern-type prefixed --operation Read --operation Describe
user portfolio-service "${TRADELOOP_KAFKA_PASSWORD_PORTFOLIO_SERVICE:?}"
allow User:portfolio-service --topic alerts --operation Write --operation Describe --operation Read
allow User:portfolio-service --topic operational-errors --operation Write --operation Describe
allow User:portfolio-service --topic position-events.dlq --operation Write --operation Describe
allow User:portfolio-service --topic position-marks.dlq --operation Write --operation Describe
allow User:portfolio-service --topic order-events.dlq --operation Write --operation Describe
allow User:portfolio-service --topic fills.dlq --operation Write --operation Describe
allow User:portfolio-service --topic risk-decisions.dlq --operation Write --operation Describe
allow User:portfolio-service --topic trading-state.dlq --operation Write --operation Describe
allow User:portfolio-service --topic alerts.dlq --operation Write --operation Describe
allow User:portfolio-service --topic account-balance.dlq --operation Write --operation Describe
allow User:portfolio-service --topic position-events --operation Read --operation Describe
allow User:portfolio-service --topic position-marks --operation Read --operation Describe
allow User:portfolio-service --topic order-events --operation Read --operation Describe
allow User:portfolio-service --topic fills --operation Read --operation Describe
allow User:portfolio-service --topic risk-decisions --operation Read --operation Describe
allow User:portfolio-service --topic trading-state --operation Read --operation Describe
allow User:portfolio-service --topic account-balance --operation Read --operation Describe
allow User:portfolio-service --group portfolio-service --resource-pattern-type prefixed --operation Read --operation Describe
user scenario-model "${TRADELOOP_KAFKA_PASSWORD_SCENARIO_MODEL:?}"
allow User:scenario-model --topic predictions --operation Write --operation Describe
echo "topics: 28 in the catalog; users: 7 with their ACLs"
