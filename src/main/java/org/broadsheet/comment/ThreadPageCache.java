package org.broadsheet.comment;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
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
 * costs only what is theirs: their recommendations and the readers they ignore. Emptied after any change to
 * content; a recommendation drops only its article's pages.
 */
@Component
public class ThreadPageCache {

    private static final int MAX_ENTRIES = 500;

    /**
     * The shared part of one page of threads, and its rendering for signed-in readers once made: kept together so
     * that a rendering is never paired with threads read at another time.
     */
    record Shared(long total, List<ThreadView> threads, AtomicReference<String> signedIn) {

        Shared(long total, List<ThreadView> threads) {
            this(total, threads, new AtomicReference<>());
        }
    }

    private record Key(long articleId, CommentSort sort, int page) {
    }

    private record Entry(Shared shared, long expiresAt) {
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
        if (ttlMillis <= 0) {
            return load.get();
        }
        Key key = new Key(articleId, sort, page);
        long now = clock.millis();
        Entry entry = entries.get(key);
        if (entry != null && entry.expiresAt > now) {
            return entry.shared;
        }
        if (entry != null) {
            entries.remove(key, entry);
        }
        long startedIn = generation.get();
        Shared shared = load.get();
        // What was read while something changed may be stale already: use it, but do not keep it.
        if (generation.get() == startedIn) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            Entry fresh = new Entry(shared, now + ttlMillis);
            entries.put(key, fresh);
            if (generation.get() != startedIn) {
                entries.remove(key, fresh); // emptied while it was being put
            }
        }
        return shared;
    }

    /**
     * The signed-in rendering of these threads: made once and kept with them while they are the cached ones,
     * otherwise made for this request only.
     */
    public String signedIn(long articleId, CommentSort sort, int page, List<ThreadView> threads,
            Supplier<String> render) {
        Entry entry = entries.get(new Key(articleId, sort, page));
        if (entry == null || entry.shared.threads() != threads) {
            return render.get();
        }
        String made = entry.shared.signedIn().get();
        if (made == null) {
            made = render.get();
            entry.shared.signedIn().compareAndSet(null, made);
        }
        return made;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onRecommendationChanged(CommentEvents.RecommendationChanged event) {
        generation.incrementAndGet();
        entries.keySet().removeIf(key -> key.articleId() == event.articleId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onContentChanged(ContentChangedEvent event) {
        generation.incrementAndGet();
        entries.clear();
    }
}
