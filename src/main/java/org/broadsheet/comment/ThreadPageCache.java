package org.broadsheet.comment;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.broadsheet.comment.CommentViews.ThreadView;
import org.broadsheet.shared.ContentChangedEvent;
import org.broadsheet.shared.SiteProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the part of a page of threads that is the same for every reader (the threads, their authors and
 * counts) for as long as the page cache keeps pages, so that each signed-in reader's view of a busy article
 * costs only what is theirs: their recommendations and the readers they ignore. Emptied after any change.
 */
@Component
public class ThreadPageCache {

    private static final int MAX_ENTRIES = 2_000;

    /** The shared part of one page of threads. */
    record Shared(long total, List<ThreadView> threads) {
    }

    private record Key(String kind, long articleId, CommentSort sort, int page) {
    }

    private record Entry(Object value, long expiresAt) {
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final long ttlMillis;
    private final Clock clock;

    ThreadPageCache(SiteProperties site, Clock clock) {
        this.ttlMillis = site.pageCacheTtl().toMillis();
        this.clock = clock;
    }

    Shared get(long articleId, CommentSort sort, int page, Supplier<Shared> load) {
        return get("threads", articleId, sort, page, Shared.class, load);
    }

    /**
     * Whatever else is the same for every reader of a page of threads (its signed-in rendering, say), under a
     * kind of its own, dropped with the threads.
     */
    public <T> T get(String kind, long articleId, CommentSort sort, int page, Class<T> type, Supplier<T> load) {
        if (ttlMillis <= 0) {
            return load.get();
        }
        Key key = new Key(kind, articleId, sort, page);
        long now = clock.millis();
        Entry entry = entries.get(key);
        if (entry != null && entry.expiresAt > now) {
            return type.cast(entry.value);
        }
        long startedIn = generation.get();
        T shared = load.get();
        // What was read while something changed may be stale already: use it, but do not keep it.
        if (generation.get() == startedIn) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, new Entry(shared, now + ttlMillis));
        }
        return shared;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onContentChanged(ContentChangedEvent event) {
        generation.incrementAndGet();
        entries.clear();
    }
}
