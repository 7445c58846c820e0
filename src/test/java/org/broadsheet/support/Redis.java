package org.broadsheet.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;

/**
 * The local Redis (127.0.0.1:6379) that the {@code prod} profile's tests use for sessions and messages between
 * instances. A test calls {@link #assumeAvailable()} first: without Redis it is skipped with a message, or fails
 * when {@code CI=true}. Each test keeps its keys and channel under a namespace of its own.
 */
public final class Redis {

    public static final String HOST = "127.0.0.1";
    public static final int PORT = 6379;

    private static volatile Optional<String> problem;

    private Redis() {
    }

    public static String url() {
        return "redis://" + HOST + ":" + PORT;
    }

    public static void assumeAvailable() {
        Optional<String> reason = unavailableReason();
        if (reason.isEmpty()) {
            return;
        }
        if (CiMode.isCi()) {
            throw new IllegalStateException("Redis is not reachable on " + HOST + ":" + PORT
                    + " and CI=true: failing instead of skipping. Cause: " + reason.get());
        }
        Assumptions.abort("Redis is not reachable on " + HOST + ":" + PORT + " (" + reason.get()
                + "): skipping; start it with redis-server, or run with CI=true to make this a failure");
    }

    /** Why Redis does not answer PING, or empty when it does (asked once per JVM). */
    public static synchronized Optional<String> unavailableReason() {
        if (problem == null) {
            problem = ping();
        }
        return problem;
    }

    private static Optional<String> ping() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, PORT), 1_000);
            socket.setSoTimeout(2_000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = new byte[7];
            int read = in.readNBytes(answer, 0, answer.length);
            String text = new String(answer, 0, read, StandardCharsets.US_ASCII);
            return text.startsWith("+PONG") ? Optional.empty() : Optional.of("answered " + text.strip());
        } catch (IOException e) {
            return Optional.of(e.toString());
        }
    }
}
