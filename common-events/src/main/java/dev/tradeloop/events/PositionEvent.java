package dev.tradeloop.events;

/**
 * The event-sourced history of one position, written by monitor-service alone to
 * {@code position-events}, keyed by position id: its changes of state, never a mere price. Replaying
 * a position's events in order rebuilds it; what it is worth now is on {@code position-marks}
 * ({@link PositionMarked}).
 */
public sealed interface PositionEvent extends Event
        permits PositionOpened, PositionIncreased,
                TrailingStopActivated, TrailingStopMoved, ExitTriggered,
                PositionPartiallyClosed, ExitFailed, PositionClosed,
                PositionSettled {

    String positionId();

    String marketTicker();
}
