package dev.tradeloop.sim.exchange;

/**
 * Where the exchange keeps its state so that it survives a restart, as a real account does. Saving
 * is called under the exchange's lock with what changed; a save that fails leaves the changes to be
 * saved again with the next one.
 */
public interface ExchangeStore {

    /** The state kept, or {@link ExchangeSnapshot#EMPTY} the first time. */
    ExchangeSnapshot load();

    /** Keeps what changed (rows are replaced by id; fills are only ever added). */
    void save(ExchangeSnapshot changes);

    /** Nothing kept: the exchange lives in memory (tests, and a simulator started without a database). */
    ExchangeStore IN_MEMORY = new ExchangeStore() {
        @Override
        public ExchangeSnapshot load() {
            return ExchangeSnapshot.EMPTY;
        }

        @Override
        public void save(ExchangeSnapshot changes) {
        }
    };
}
