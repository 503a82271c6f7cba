package dev.tradeloop.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ports for the test kit's servers (the broker, the service processes), taken below the
 * operating system's ephemeral range. A port from {@code new ServerSocket(0)} is an ephemeral
 * one: between closing that socket and the server binding it, any outgoing connection on the
 * machine may be given it, and the server then fails with "port in use". Below the range no
 * outgoing connection is ever given a port, and each port is handed out once per JVM.
 */
public final class FreePorts {

    /** Linux's default {@code ip_local_port_range} starts at 32768; the ports here stay under it. */
    private static final int FIRST = 20_000;
    private static final int END = 32_768;

    private static final AtomicInteger NEXT = new AtomicInteger(
            FIRST + ThreadLocalRandom.current().nextInt(END - FIRST));

    private FreePorts() {
    }

    /** A port no one listens on now, never returned before by this JVM. */
    public static int next() {
        for (int tries = 0; tries < END - FIRST; tries++) {
            int port = FIRST + Math.floorMod(NEXT.getAndIncrement() - FIRST, END - FIRST);
            if (bindable(port)) {
                return port;
            }
        }
        throw new UncheckedIOException(new IOException("no free port in " + FIRST + "-" + (END - 1)));
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
