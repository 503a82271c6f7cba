package dev.tradeloop.exit;

import dev.tradeloop.events.ExecutionStrategy;
import dev.tradeloop.events.ExitExecution;

/**
 * An exit's escalation as an explicit state machine, one state per order attempt, so the attempt
 * number the ledger holds says where a resumed exit stands:
 * <pre>
 *   START ── no fill ──▶ WALK 1 … WALK maxWalks ── no fill ──▶ MARKET 1 … MARKET n ──▶ FAILED
 *                                                └─ (no market fallback) ──▶ GIVEN_UP
 * </pre>
 * CRITICAL ({@code IMMEDIATE_MARKET}) starts at MARKET 1; HIGH ({@code WALK_THEN_MARKET}) walks
 * twice, then goes to market; MEDIUM and LOW walk, then give up. Any fill of the whole quantity
 * ends the machine early; that is the executor's business, not a state.
 */
public final class Escalation {

    /** What the exit does at an attempt. */
    public enum Kind {
        /** The first limit order, at the priority's start price. */
        START,
        /** A limit re-placed lower. */
        WALK,
        /** An immediate-or-cancel at the floor. */
        MARKET,
        /** The walks are spent and there is no market fallback. */
        GIVEN_UP,
        /** The market tries are spent too. */
        FAILED
    }

    /** The state at one attempt: its kind, and which walk or market try it is (from 1). */
    public record State(int attempt, Kind kind, int number) {

        public boolean placesAnOrder() {
            return kind == Kind.START || kind == Kind.WALK || kind == Kind.MARKET;
        }
    }

    private final ExitExecution execution;
    private final int marketTries;

    /** {@code marketTries}: how often a "market" order is repeated before the exit fails. */
    public Escalation(ExitExecution execution, int marketTries) {
        if (marketTries < 1) {
            throw new IllegalArgumentException("marketTries " + marketTries + " is under 1");
        }
        this.execution = execution;
        this.marketTries = marketTries;
    }

    /** The state at attempt {@code attempt} (from 1). */
    public State at(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt " + attempt + " is under 1");
        }
        boolean immediate = execution.strategy() == ExecutionStrategy.IMMEDIATE_MARKET;
        int limits = immediate ? 0 : 1 + execution.maxWalks();
        if (attempt <= limits) {
            return attempt == 1 ? new State(1, Kind.START, 0) : new State(attempt, Kind.WALK, attempt - 1);
        }
        if (!immediate && !execution.marketFallback()) {
            return new State(attempt, Kind.GIVEN_UP, 0);
        }
        int marketTry = attempt - limits;
        return marketTry <= marketTries ? new State(attempt, Kind.MARKET, marketTry) : new State(attempt, Kind.FAILED, 0);
    }

    /** True when this market try is the first after limit orders: the exit escalated. */
    public boolean escalatesAt(State state) {
        return state.kind() == Kind.MARKET && state.number() == 1
                && execution.strategy() != ExecutionStrategy.IMMEDIATE_MARKET;
    }
}
