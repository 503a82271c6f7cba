package dev.tradeloop.events.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

    @ParameterizedTest
    @CsvSource({
        "0.5600, 560000, 0.5600",
        "0.56, 560000, 0.5600",
        "0.123456, 123456, 0.123456",
        "0.99, 990000, 0.9900",
        "1, 1000000, 1.0000",
        "0.0001, 100, 0.0001"})
    void kalshi_prices_parse_and_print_losslessly(String text, long micros, String printed) {
        Price price = Price.parse(text);

        assertThat(price.micros()).isEqualTo(micros);
        assertThat(price).hasToString(printed);
        assertThat(Price.parse(price.toString())).isEqualTo(price);
    }

    @ParameterizedTest
    @CsvSource({"10.00, 1000, 10.00", "0.01, 1, 0.01", "1520, 152000, 1520.00", "3.5, 350, 3.50"})
    void contract_counts_parse_and_print_with_two_decimals(String text, long hundredths, String printed) {
        Contracts count = Contracts.parse(text);

        assertThat(count.hundredths()).isEqualTo(hundredths);
        assertThat(count).hasToString(printed);
    }

    @ParameterizedTest
    @CsvSource({"-12.3400, -12340000, -12.3400", "1234567.000150, 1234567000150, 1234567.00015", "0, 0, 0.0000"})
    void money_is_signed_and_exact(String text, long micros, String printed) {
        Money money = Money.parse(text);

        assertThat(money.micros()).isEqualTo(micros);
        assertThat(money).hasToString(printed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0001", "-0.01", "2"})
    void a_price_outside_zero_and_one_is_refused(String text) {
        assertThatThrownBy(() -> Price.parse(text)).hasMessageContaining("is outside [0, 1]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.1.2", "abc", "1e-2", "0x10", " 0.5", "NaN", "Infinity", ""})
    void anything_but_a_plain_decimal_is_refused(String text) {
        assertThatThrownBy(() -> Money.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_count_with_more_than_two_decimals_is_refused() {
        assertThatThrownBy(() -> Contracts.parse("1.005")).hasMessage("contract count '1.005' has more than 2 decimals");
    }

    @Test
    void a_negative_count_is_refused() {
        assertThatThrownBy(() -> Contracts.parse("-1.00")).hasMessage("contract count -1.00 is negative");
    }

    @Test
    void cost_of_contracts_is_exact() {
        assertThat(Price.parse("0.5700").times(Contracts.whole(43))).isEqualTo(Money.parse("24.51"));
        assertThat(Price.parse("0.5650").times(Contracts.parse("0.01"))).isEqualTo(Money.parse("0.00565"));
    }

    @Test
    void a_yes_bid_is_a_no_ask_at_its_complement() {
        assertThat(Price.parse("0.4200").complement()).isEqualTo(Price.parse("0.58"));
    }

    @Test
    void arithmetic_is_exact_and_overflow_is_an_error() {
        assertThat(Money.parse("0.10").plus(Money.parse("0.20"))).isEqualTo(Money.parse("0.30"));
        assertThat(Money.parse("0.10").minus(Money.parse("0.30"))).isEqualTo(Money.parse("-0.20"));
        assertThatThrownBy(() -> new Money(Long.MAX_VALUE).plus(Money.ONE_DOLLAR)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void a_pro_rata_share_is_exact_where_it_can_be_and_rounds_half_even_to_the_micro_dollar() {
        assertThat(Money.parse("18.92").proRata(Contracts.whole(25), Contracts.whole(50))).isEqualTo(Money.parse("9.46"));
        assertThat(Money.parse("0.000001").proRata(Contracts.whole(1), Contracts.whole(2))).isEqualTo(Money.ZERO);
        assertThat(Money.parse("1.00").proRata(Contracts.whole(1), Contracts.whole(3))).isEqualTo(Money.parse("0.333333"));
    }
}
