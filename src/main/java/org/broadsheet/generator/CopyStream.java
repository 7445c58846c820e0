package org.broadsheet.generator;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows sent to one {@code COPY table (columns) FROM STDIN} in PostgreSQL's text format, a megabyte at a time:
 * the server parses them as they arrive, so generating and loading overlap.
 */
final class CopyStream implements AutoCloseable {

    private static final int FLUSH_AT = 1 << 20;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(FLUSH_AT + 64 * 1024);
    private boolean rowStarted;
    private long rows;

    CopyStream(Connection connection, String table, String columns) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " (" + columns + ") FROM STDIN");
    }

    CopyStream add(long value) {
        separate();
        buffer.append(value);
        return this;
    }

    CopyStream add(boolean value) {
        separate();
        buffer.append(value ? 't' : 'f');
        return this;
    }

    /** A timestamp with time zone, in UTC; null writes SQL NULL. */
    CopyStream add(Instant value) {
        separate();
        buffer.append(value == null ? "\\N" : value.toString());
        return this;
    }

    CopyStream add(String value) {
        separate();
        if (value == null) {
            buffer.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> buffer.append("\\\\");
                case '\t' -> buffer.append("\\t");
                case '\n' -> buffer.append("\\n");
                case '\r' -> buffer.append("\\r");
                default -> buffer.append(c);
            }
        }
        return this;
    }

    CopyStream nul() {
        separate();
        buffer.append("\\N");
        return this;
    }

    void endRow() throws SQLException {
        buffer.append('\n');
        rowStarted = false;
        rows++;
        if (buffer.length() >= FLUSH_AT) {
            flush();
        }
    }

    private void separate() {
        if (rowStarted) {
            buffer.append('\t');
        }
        rowStarted = true;
    }

    private void flush() throws SQLException {
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        buffer.setLength(0);
    }

    /** Ends the COPY; the rows count once the transaction commits. */
    @Override
    public void close() throws SQLException {
        if (!copy.isActive()) {
            return;
        }
        flush();
        long copied = copy.endCopy();
        if (copied != rows) {
            throw new IllegalStateException("COPY took " + copied + " rows of " + rows);
        }
    }
}
