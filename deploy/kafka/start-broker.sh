#!/usr/bin/env bash
# docker compose's Kafka broker: the image's own broker, set up as the local stack's
# (dev.tradeloop.stack.KafkaBroker): every client authenticates with SCRAM-SHA-512 and may do only
# what its ACLs allow (nothing without one); the controller's listener takes only the node itself.
# The superuser tradeloop-admin is written into the metadata when the data directory is formatted.
# Needs TRADELOOP_KAFKA_ADMIN_PASSWORD and TRADELOOP_KAFKA_CONTROLLER_PASSWORD (./tradeloop keys).
set -euo pipefail
admin_password="${TRADELOOP_KAFKA_ADMIN_PASSWORD:?run ./tradeloop keys first}"
controller_password="${TRADELOOP_KAFKA_CONTROLLER_PASSWORD:?run ./tradeloop keys first}"
data=/var/lib/kafka/data
config=/tmp/server.properties
scram="org.apache.kafka.common.security.scram.ScramLoginModule required"
plain="org.apache.kafka.common.security.plain.PlainLoginModule required"
cat >"$config" <<CONFIG
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=localhost:9093
listeners=INTERNAL://:19092,EXTERNAL://:9092,CONTROLLER://:9093
advertised.listeners=INTERNAL://kafka:19092,EXTERNAL://localhost:9092
controller.listener.names=CONTROLLER
inter.broker.listener.name=INTERNAL
listener.security.protocol.map=INTERNAL:SASL_PLAINTEXT,EXTERNAL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.internal.scram-sha-512.sasl.jaas.config=$scram username="tradeloop-admin" password="$admin_password";
listener.name.external.scram-sha-512.sasl.jaas.config=$scram username="tradeloop-admin" password="$admin_password";
listener.name.controller.sasl.enabled.mechanisms=PLAIN
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.plain.sasl.jaas.config=$plain username="tradeloop-controller" password="$controller_password" user_tradeloop-controller="$controller_password";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
super.users=User:tradeloop-admin;User:tradeloop-controller
log.dirs=$data
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
CONFIG
# what the health check and the setup log in with
cat >/tmp/admin.properties <<CONFIG
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=$scram username="tradeloop-admin" password="$admin_password";
CONFIG
if [[ ! -f $data/meta.properties ]]; then
  /opt/kafka/bin/kafka-storage.sh format -t "$(/opt/kafka/bin/kafka-storage.sh random-uuid)" -c "$config" --standalone \
    --add-scram "SCRAM-SHA-512=[name=tradeloop-admin,password=$admin_password]"
fi
exec /opt/kafka/bin/kafka-server-start.sh "$config"
