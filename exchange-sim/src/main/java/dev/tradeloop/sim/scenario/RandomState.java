package dev.tradeloop.sim.scenario;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.Base64;
import java.util.Random;

/**
 * A seeded generator's exact state as text, so a scenario resumed after a restart draws the same
 * numbers it would have drawn without one ({@link Random} keeps its state in its serialized form).
 */
final class RandomState {

    private RandomState() {
    }

    static String save(Random random) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(random);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a random generator's state", e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    static Random load(String text) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(text)))) {
            in.setObjectInputFilter(info -> info.serialClass() == null || info.serialClass() == Random.class
                    ? java.io.ObjectInputFilter.Status.ALLOWED : java.io.ObjectInputFilter.Status.REJECTED);
            return (Random) in.readObject();
        } catch (IOException | ClassNotFoundException | IllegalArgumentException e) {
            throw new IllegalStateException("a kept random generator's state cannot be read: " + e.getMessage(), e);
        }
    }
}
