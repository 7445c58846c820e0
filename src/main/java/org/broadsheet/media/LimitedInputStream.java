package org.broadsheet.media;

import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes of an upload as they are read and refuses it as soon as it passes its limit, whatever its
 * Content-Length or name claimed, so that nothing larger is ever held or stored. (A plain {@link InputStream}
 * rather than a filter, so that no bulk read can reach the upload without being counted.)
 */
final class LimitedInputStream extends InputStream {

    private final InputStream in;
    private final long limit;
    private final String rejection;
    private long count;

    LimitedInputStream(InputStream in, long limit, String rejection) {
        this.in = in;
        this.limit = limit;
        this.rejection = rejection;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public int available() throws IOException {
        return in.available();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void counted(long n) {
        count += n;
        if (count > limit) {
            throw new MediaRejectedException(rejection);
        }
    }
}
