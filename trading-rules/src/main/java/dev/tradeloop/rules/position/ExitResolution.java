package dev.tradeloop.rules.position;

import dev.tradeloop.events.ExitPriority;
import dev.tradeloop.events.ExitReason;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Picks the exit among the conditions that fired: the most urgent priority wins, ties go to the
 * trading rules' list order, and the others are recorded as conflicting. While an exit is in flight
 * only a more urgent one may take over.
 */
public final class ExitResolution {

    /** The winning condition and the others that fired with it, in list order. */
    public record Decision(ExitConditions.Fired winner, List<ExitReason> conflicting) {
    }

    private static final Comparator<ExitConditions.Fired> URGENCY = Comparator
            .comparing((ExitConditions.Fired f) -> f.reason().priority())
            .thenComparing(ExitConditions.Fired::reason);

    private ExitResolution() {
    }

    public static Optional<Decision> resolve(List<ExitConditions.Fired> fired, Optional<ExitPriority> inFlight) {
        Optional<ExitConditions.Fired> winner = fired.stream().min(URGENCY);
        if (winner.isEmpty()) {
            return Optional.empty();
        }
        ExitPriority priority = winner.get().reason().priority();
        if (inFlight.isPresent() && !priority.isMoreUrgentThan(inFlight.get())) {
            return Optional.empty();
        }
        List<ExitReason> others = fired.stream().map(ExitConditions.Fired::reason)
                .filter(reason -> reason != winner.get().reason()).sorted().toList();
        return Optional.of(new Decision(winner.get(), others));
    }
}
