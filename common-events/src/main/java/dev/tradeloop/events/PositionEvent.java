package dev.tradeloop.events;

/**
 * The event-sourced history of one position, written by monitor-service alone to
 * {@code position-events}, keyed by position id. Replaying a position's events in order rebuilds it.
 */
public sealed interface PositionEvent extends Event
        permits PositionOpened, PositionIncreased, PositionMarked,
                TrailingStopActivated, TrailingStopMoved, ExitTriggered,
                PositionPartiallyClosed, ExitFailed, PositionClosed,
                PositionSettled {

    String positionId();

    String marketTicker();
}
