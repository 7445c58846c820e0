package org.broadsheet.pages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A page as it is the same for every reader: the HTML between its parts, and each part's place with what the
 * template gave it. Written for one reader by rendering each part for them between the pieces; a part's
 * rendering for a {@link PagePart#variant} is made once and kept here (within a budget of bytes, so that the
 * cache's bound holds), so most readers' pages cost no template rendering at all.
 */
final class PageTemplate {

    /** One place of a part: which part, and what the template gave it there. */
    record Hole(PagePart<Object, Object> part, Object args) {
    }

    /** Renders a part's fragment with its model, for the request being answered. */
    interface Renderer {
        String render(String fragment, Map<String, Object> model);

        /** Runs the parts' reads for one page: in one read-only transaction, where there is a database. */
        default <T> T reading(Supplier<T> reads) {
            return reads.get();
        }
    }

    private final byte[][] pieces;
    private final Hole[] holes;
    private final Map<Object, byte[]>[] kept;
    private final AtomicLong budget;
    private final long size;

    @SuppressWarnings("unchecked")
    private PageTemplate(byte[][] pieces, Hole[] holes) {
        this.pieces = pieces;
        this.holes = holes;
        this.kept = new Map[holes.length];
        long bytes = 0;
        for (byte[] piece : pieces) {
            bytes += piece.length;
        }
        this.size = bytes;
        // Kept renderings may take three times the page itself: every reader's situation on every comment.
        this.budget = new AtomicLong(3 * bytes + 16 * 1024);
    }

    /** A page without parts (a feed, a sitemap): the same bytes for everyone. */
    static PageTemplate whole(byte[] body) {
        return new PageTemplate(new byte[][] { body }, new Hole[0]);
    }

    /**
     * Cuts the recorded HTML at the marks {@link PageAssembly} left for its parts: unforgeable (a random word
     * chosen when the site starts), so nothing a reader or editor wrote can be taken for one.
     */
    static PageTemplate of(String html, String mark, List<Hole> holes) {
        List<byte[]> pieces = new ArrayList<>(holes.size() + 1);
        int from = 0;
        for (int i = 0; i < holes.size(); i++) {
            String placeholder = PageAssembly.placeholder(mark, i);
            int at = html.indexOf(placeholder, from);
            if (at < 0) {
                throw new IllegalStateException("Part " + i + " of the page is missing from its HTML");
            }
            pieces.add(html.substring(from, at).getBytes(StandardCharsets.UTF_8));
            from = at + placeholder.length();
        }
        pieces.add(html.substring(from).getBytes(StandardCharsets.UTF_8));
        return new PageTemplate(pieces.toArray(byte[][]::new), holes.toArray(Hole[]::new));
    }

    /** The bytes this page takes in the cache at the most, its kept renderings included. */
    long weight() {
        return 4 * size + 16 * 1024 + 64L * holes.length;
    }

    boolean hasParts() {
        return holes.length > 0;
    }

    /** The page for this reader, as bytes. */
    byte[] bytesFor(PageReader reader, Renderer renderer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE, size + 8 * 1024));
        try {
            write(reader, renderer, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes the page for this reader: each piece, and each part rendered for them. */
    void write(PageReader reader, Renderer renderer, OutputStream out) throws IOException {
        Map<PagePart<Object, Object>, Object> states = renderer.reading(() -> prepare(reader));
        for (int i = 0; i < holes.length; i++) {
            out.write(pieces[i]);
            out.write(part(i, states.get(holes[i].part()), reader, renderer));
        }
        out.write(pieces[pieces.length - 1]);
    }

    /** Each part reads what it needs for the reader once, for all its places. */
    private Map<PagePart<Object, Object>, Object> prepare(PageReader reader) {
        Map<PagePart<Object, Object>, List<Object>> places = new IdentityHashMap<>();
        for (Hole hole : holes) {
            places.computeIfAbsent(hole.part(), p -> new ArrayList<>()).add(hole.args());
        }
        Map<PagePart<Object, Object>, Object> states = new IdentityHashMap<>();
        places.forEach((part, args) -> states.put(part, part.prepare(reader, args)));
        return states;
    }

    private byte[] part(int i, Object state, PageReader reader, Renderer renderer) {
        Hole hole = holes[i];
        Object variant = hole.part().variant(hole.args(), state, reader);
        if (variant != null) {
            Map<Object, byte[]> made = kept[i];
            byte[] html = made == null ? null : made.get(variant);
            if (html != null) {
                return html;
            }
            html = render(hole, state, reader, renderer);
            if (budget.addAndGet(-html.length) >= 0) {
                if (made == null) {
                    synchronized (this) {
                        made = kept[i] == null ? (kept[i] = new ConcurrentHashMap<>()) : kept[i];
                    }
                }
                made.putIfAbsent(variant, html);
            }
            return html;
        }
        return render(hole, state, reader, renderer);
    }

    private static byte[] render(Hole hole, Object state, PageReader reader, Renderer renderer) {
        return renderer.render(hole.part().fragment(), hole.part().model(hole.args(), state, reader))
                .getBytes(StandardCharsets.UTF_8);
    }
}
