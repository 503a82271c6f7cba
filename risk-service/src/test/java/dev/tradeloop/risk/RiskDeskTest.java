package dev.tradeloop.risk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeloop.events.ApprovedTrade;
import dev.tradeloop.events.DeadLetter;
import dev.tradeloop.events.Edge;
import dev.tradeloop.events.ExecutionStrategy;
import dev.tradeloop.events.RiskDecision;
import dev.tradeloop.events.RiskOutcome;
import dev.tradeloop.events.RiskReason;
import dev.tradeloop.events.Side;
import dev.tradeloop.events.Topics;
import dev.tradeloop.events.json.DecodeFailure;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;
import dev.tradeloop.events.money.Price;
import dev.tradeloop.testkit.KafkaTestResource;
import dev.tradeloop.testkit.PostgresTestResource;
import dev.tradeloop.testkit.TestKafka;
import dev.tradeloop.testkit.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The risk gate as a service: edges in, approvals and decisions out, audited in a real PostgreSQL. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
class RiskDeskTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private final TestKafka kafka = TestKafka.get();

    @Inject
    DataSource dataSource;

    @BeforeEach
    void aBalanceIsKnown() {
        RiskFixtures.reportBalance("10000.00");
    }

    @Test
    void an_edge_is_approved_with_the_kelly_stake_computed_by_hand_and_audited() throws Exception {
        Edge edge = RiskFixtures.edge(RiskFixtures.market(), "0.64", "0.57");

        kafka.produce(Topics.EDGES, edge.marketTicker(), edge);

        try (TopicReader<ApprovedTrade> trades = kafka.reader(Topics.APPROVED_TRADES);
                TopicReader<RiskDecision> decisions = kafka.reader(Topics.RISK_DECISIONS)) {
            ApprovedTrade trade = trades.await(t -> t.edgeEventId().equals(edge.eventId()), DEADLINE);
            // f* = (0.64 − 0.57) / (1 − 0.57) = 0.1627906976...; stake = 0.25 × f* × 10 000 = 406.976744;
            // contracts = floor(406.976744 / 0.57) = 713
            assertThat(trade.contracts()).isEqualTo(Contracts.whole(713));
            assertThat(trade.stake()).isEqualTo(Money.parse("406.976744"));
            assertThat(trade.side()).isEqualTo(Side.YES);
            assertThat(trade.positionId()).startsWith("pos-");
            assertThat(trade.correlationId()).isEqualTo(edge.correlationId());
            assertThat(trade.plan().strategy()).isEqualTo(ExecutionStrategy.LIMIT_THEN_WALK);
            assertThat(trade.plan().limitPrice()).isEqualTo(Price.parse("0.57"));
            assertThat(trade.plan().worstPrice()).isEqualTo(Price.parse("0.59"));
            assertThat(trade.plan().walkStep()).isEqualTo(Price.parse("0.01"));
            assertThat(trade.plan().fillTimeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(trade.method()).isEqualTo(RiskFixtures.METHOD);

            RiskDecision decision = decisions.await(d -> d.edgeEventId().equals(edge.eventId()), DEADLINE);
            assertThat(decision.outcome()).isEqualTo(RiskOutcome.APPROVED);
            assertThat(decision.positionId()).contains(trade.positionId());
            assertThat(decision.contracts()).contains(Contracts.whole(713));

            assertThat(auditedOutcome(edge)).isEqualTo("APPROVED|" + trade.positionId() + "|713.00|406.976744");
            RiskFixtures.abandon(trade);
        }
    }

    @Test
    void an_edge_on_a_market_of_another_shard_is_sized_on_that_shards_cash() {
        RiskFixtures.reportBalance("10000.00", "1000.00");
        awaitBalance("11000.0000");
        Edge edge = RiskFixtures.edge(RiskFixtures.market(), "0.64", "0.57", Optional.of(2));

        kafka.produce(Topics.EDGES, edge.marketTicker(), edge);

        try (TopicReader<ApprovedTrade> trades = kafka.reader(Topics.APPROVED_TRADES)) {
            ApprovedTrade trade = trades.await(t -> t.edgeEventId().equals(edge.eventId()), DEADLINE);
            // the bankroll is shard 2's 1 000, not the account's 11 000: stake = 0.25 × 0.1627906976 × 1 000
            // = 40.697674; contracts = floor(40.697674 / 0.57) = 71
            assertThat(trade.stake()).isEqualTo(Money.parse("40.697674"));
            assertThat(trade.contracts()).isEqualTo(Contracts.whole(71));
            RiskFixtures.abandon(trade);
        }
    }

    @Test
    void a_second_edge_while_the_first_entry_is_in_flight_is_rejected_and_nothing_more_is_approved() throws Exception {
        String market = RiskFixtures.market();
        Edge first = RiskFixtures.edge(market, "0.64", "0.57");
        Edge second = RiskFixtures.edge(market, "0.70", "0.57");

        kafka.produce(Topics.EDGES, market, first);
        kafka.produce(Topics.EDGES, market, second);

        try (TopicReader<ApprovedTrade> trades = kafka.reader(Topics.APPROVED_TRADES);
                TopicReader<RiskDecision> decisions = kafka.reader(Topics.RISK_DECISIONS)) {
            RiskDecision rejected = decisions.await(d -> d.edgeEventId().equals(second.eventId()), DEADLINE);
            assertThat(rejected.outcome()).isEqualTo(RiskOutcome.REJECTED);
            assertThat(rejected.reasons()).containsExactly(RiskReason.ENTRY_IN_FLIGHT);
            assertThat(rejected.positionId()).isEmpty();
            ApprovedTrade only = trades.await(t -> t.edgeEventId().equals(first.eventId()), DEADLINE);
            assertThat(trades.decoded()).filteredOn(t -> t.marketTicker().equals(market)).hasSize(1);
            assertThat(auditedOutcome(second)).isEqualTo("REJECTED|null|null|null");
            RiskFixtures.abandon(only);
        }
    }

    @Test
    void a_rejection_names_every_failed_check() {
        Edge edge = RiskFixtures.edge(RiskFixtures.market(), "0.57", "0.995");

        kafka.produce(Topics.EDGES, edge.marketTicker(), edge);

        try (TopicReader<RiskDecision> decisions = kafka.reader(Topics.RISK_DECISIONS)) {
            RiskDecision rejected = decisions.await(d -> d.edgeEventId().equals(edge.eventId()), DEADLINE);
            assertThat(rejected.reasons()).containsExactly(RiskReason.PRICE_OUT_OF_BOUNDS, RiskReason.NO_KELLY_STAKE);
        }
    }

    @Test
    void an_edge_delivered_twice_is_decided_once_and_the_same_events_are_published_again() {
        Edge edge = RiskFixtures.edge(RiskFixtures.market(), "0.64", "0.57");

        kafka.produce(Topics.EDGES, edge.marketTicker(), edge);
        kafka.produce(Topics.EDGES, edge.marketTicker(), edge);

        try (TopicReader<ApprovedTrade> trades = kafka.reader(Topics.APPROVED_TRADES);
                TopicReader<RiskDecision> decisions = kafka.reader(Topics.RISK_DECISIONS)) {
            var both = decisions.awaitCount(d -> d.edgeEventId().equals(edge.eventId()), 2, DEADLINE);
            assertThat(both.get(1)).isEqualTo(both.get(0));
            var approvals = trades.awaitCount(t -> t.edgeEventId().equals(edge.eventId()), 2, DEADLINE);
            assertThat(approvals.get(1)).isEqualTo(approvals.get(0));
            RiskFixtures.abandon(approvals.get(0));
        }
    }

    @Test
    void a_malformed_edge_is_dead_lettered_and_the_next_one_is_decided() {
        String market = RiskFixtures.market();
        kafka.produceRaw(Topics.EDGES.name(), market, "not json".getBytes(StandardCharsets.UTF_8));
        Edge next = RiskFixtures.edge(market, "0.57", "0.995");
        kafka.produce(Topics.EDGES, market, next);

        try (TopicReader<DeadLetter> letters = kafka.reader(Topics.deadLetterOf(Topics.EDGES));
                TopicReader<RiskDecision> decisions = kafka.reader(Topics.RISK_DECISIONS)) {
            DeadLetter letter = letters.await(l -> l.key().equals(Optional.of(market)), DEADLINE);
            assertThat(letter.failure()).isEqualTo(DecodeFailure.MALFORMED_JSON);
            assertThat(letter.consumer()).isEqualTo("risk-service");
            assertThat(decisions.await(d -> d.edgeEventId().equals(next.eventId()), DEADLINE).outcome())
                    .isEqualTo(RiskOutcome.REJECTED);
        }
    }

    @Test
    void a_malformed_message_on_a_portfolio_topic_is_dead_lettered_and_the_portfolio_goes_on() {
        String position = "pos-" + UUID.randomUUID();
        kafka.produceRaw(Topics.FILLS.name(), position, "{\"type\":\"Fill\",\"schemaVersion\":1}"
                .getBytes(StandardCharsets.UTF_8));
        RiskFixtures.reportBalance("10000.01");

        try (TopicReader<DeadLetter> letters = kafka.reader(Topics.deadLetterOf(Topics.FILLS))) {
            DeadLetter letter = letters.await(l -> l.key().equals(Optional.of(position)), DEADLINE);
            assertThat(letter.failure()).isEqualTo(DecodeFailure.MISSING_FIELD);
            assertThat(letter.consumer()).isEqualTo("risk-service");
        }
        awaitBalance("10000.0100");
        RiskFixtures.reportBalance("10000.00");
        awaitBalance("10000.0000");
    }

    private static void awaitBalance(String balance) {
        Awaitility.await("the portfolio to read the balance " + balance).atMost(DEADLINE)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> given().when().get("/risk/portfolio").then().extract().jsonPath().getString("balance")
                        .equals(balance));
    }

    private String auditedOutcome(Edge edge) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT outcome, position_id, contracts, stake FROM risk_decision WHERE edge_event_id = ?")) {
            select.setObject(1, edge.eventId());
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).as("a risk_decision row for edge " + edge.eventId()).isTrue();
                return row.getString(1) + "|" + row.getString(2) + "|" + row.getBigDecimal(3) + "|"
                        + (row.getBigDecimal(4) == null ? null : row.getBigDecimal(4).toPlainString());
            }
        }
    }
}
