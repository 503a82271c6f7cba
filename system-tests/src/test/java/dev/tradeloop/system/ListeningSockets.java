package dev.tradeloop.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The TCP ports this machine listens on and the addresses each is bound to, read from {@code /proc/net}. */
final class ListeningSockets {

    private static final String LISTEN = "0A";
    private static final Set<String> LOOPBACK = Set.of("0100007F", "00000000000000000000000001000000",
            "0000000000000000FFFF00000100007F");

    private ListeningSockets() {
    }

    /** Port to the addresses it listens on, "loopback" for any loopback address, else the kernel's hex. */
    static Map<Integer, Set<String>> now() throws IOException {
        Map<Integer, Set<String>> listening = new TreeMap<>();
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            java.util.List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] columns = line.trim().split("\\s+");
                if (!columns[3].equals(LISTEN)) {
                    continue;
                }
                String[] local = columns[1].split(":");
                String address = LOOPBACK.contains(local[0]) ? "loopback" : local[0];
                listening.computeIfAbsent(Integer.parseInt(local[1], 16), port -> new TreeSet<>()).add(address);
            }
        }
        return listening;
    }
}
