package dev.tradeloop.sim.faults;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The faults armed now; each is used up by the requests it hits, first armed first used. */
@ApplicationScoped
public class Faults {

    private final List<Fault> armed = new ArrayList<>();

    public synchronized void arm(Fault fault) {
        armed.add(fault);
    }

    public synchronized void clear() {
        armed.clear();
    }

    public synchronized List<Fault> armed() {
        return List.copyOf(armed);
    }

    /** Takes one use of the first REST fault that hits {@code operation}, if any. */
    synchronized Optional<Fault> takeRest(String operation) {
        return take(operation, FaultKind::isRest);
    }

    /** Takes one use of an armed sequence gap, if any. */
    public synchronized boolean takeSequenceGap() {
        return take("orderbook_delta", kind -> kind == FaultKind.SEQUENCE_GAP).isPresent();
    }

    /** Takes one use of an armed connection refusal, if any: the WebSocket handshake is then refused. */
    public synchronized boolean takeConnectionRefusal() {
        return take("connect", kind -> kind == FaultKind.REFUSE_CONNECTIONS).isPresent();
    }

    /** Takes one use of an armed fills lag, if any: how far behind the fills listing is. */
    public synchronized Optional<java.time.Duration> takeFillsLag() {
        return take("fills", kind -> kind == FaultKind.FILLS_LAG).map(Fault::delay);
    }

    /** Takes one use of an armed orders lag, if any: how far behind the orders listing is. */
    public synchronized Optional<java.time.Duration> takeOrdersLag() {
        return take("orders", kind -> kind == FaultKind.ORDERS_LAG).map(Fault::delay);
    }

    private Optional<Fault> take(String operation, java.util.function.Predicate<FaultKind> kinds) {
        for (int i = 0; i < armed.size(); i++) {
            Fault fault = armed.get(i);
            if (kinds.test(fault.kind()) && fault.hits(operation)) {
                Fault left = fault.used();
                if (left.remaining() == 0) {
                    armed.remove(i);
                } else {
                    armed.set(i, left);
                }
                return Optional.of(fault);
            }
        }
        return Optional.empty();
    }
}
