package org.broadsheet.media;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps media in the database, in pieces of {@value #CHUNK} bytes: a large video is written and read a piece at
 * a time, so neither an upload nor a Range request ever holds the whole file in memory.
 */
final class DatabaseMediaStore implements MediaStore {

    static final int CHUNK = 1024 * 1024;

    private final JdbcTemplate jdbc;

    DatabaseMediaStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long write(long mediaId, String name, InputStream data) throws IOException {
        MediaNames.check(name);
        long size = 0;
        int seq = 0;
        byte[] chunk;
        // Every piece but the last is full, so that a position in the file tells which piece holds it.
        while ((chunk = data.readNBytes(CHUNK)).length > 0) {
            jdbc.update("INSERT INTO media_chunk (media_id, name, seq, data) VALUES (?, ?, ?, ?)", mediaId, name,
                    seq++, chunk);
            size += chunk.length;
        }
        return size;
    }

    @Override
    public Resource read(long mediaId, String name, long size) {
        return new ChunkedResource(mediaId, name, size);
    }

    private byte[] chunk(long mediaId, String name, int seq) {
        return jdbc.queryForObject("SELECT data FROM media_chunk WHERE media_id = ? AND name = ? AND seq = ?",
                byte[].class, mediaId, name, seq);
    }

    /** A stored file: its length is known without reading it, its stream loads one piece at a time. */
    private final class ChunkedResource extends AbstractResource {

        private final long mediaId;
        private final String name;
        private final long size;

        ChunkedResource(long mediaId, String name, long size) {
            this.mediaId = mediaId;
            this.name = name;
            this.size = size;
        }

        @Override
        public InputStream getInputStream() {
            return new ChunkedInputStream(mediaId, name, size);
        }

        @Override
        public long contentLength() {
            return size;
        }

        @Override
        public boolean exists() {
            return true;
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public String getDescription() {
            return "media " + mediaId + "/" + name + " in the database";
        }
    }

    /** Reads the pieces of one file in order; skipping (for a Range request) jumps over whole pieces unread. */
    private final class ChunkedInputStream extends InputStream {

        private final long mediaId;
        private final String name;
        private final long size;
        private long position;
        private byte[] chunk;
        private int chunkSeq = -1;

        ChunkedInputStream(long mediaId, String name, long size) {
            this.mediaId = mediaId;
            this.name = name;
            this.size = size;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            if (position >= size) {
                return -1;
            }
            int seq = (int) (position / CHUNK);
            if (seq != chunkSeq) {
                chunk = chunk(mediaId, name, seq);
                chunkSeq = seq;
            }
            int within = (int) (position % CHUNK);
            int n = Math.min(length, chunk.length - within);
            System.arraycopy(chunk, within, buffer, offset, n);
            position += n;
            return n;
        }

        @Override
        public long skip(long n) {
            long skipped = Math.max(0, Math.min(n, size - position));
            position += skipped;
            return skipped;
        }

        @Override
        public int available() {
            return chunkSeq == (int) (position / CHUNK) && position < size ? chunk.length - (int) (position % CHUNK)
                    : 0;
        }
    }
}
