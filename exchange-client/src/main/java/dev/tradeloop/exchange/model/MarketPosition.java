package dev.tradeloop.exchange.model;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.tradeloop.events.money.Contracts;
import dev.tradeloop.events.money.Money;

/** One market's net position: {@code position_fp} is signed, positive YES, negative NO. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MarketPosition(
        String ticker,
        String positionFp,
        Money marketExposureDollars,
        Money realizedPnlDollars,
        Money feesPaidDollars,
        Money totalTradedDollars) {

    public boolean isNo() {
        return positionFp.startsWith("-");
    }

    /** The size held, whichever side. */
    public Contracts size() {
        return Contracts.parse(isNo() ? positionFp.substring(1) : positionFp);
    }
}
