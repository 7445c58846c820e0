package org.broadsheet.comment;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.broadsheet.shared.AfterCommit;
import org.broadsheet.comment.CommentViews.CommentView;
import org.broadsheet.comment.CommentViews.ThreadView;
import org.broadsheet.shared.CaffeineCaches;
import org.broadsheet.shared.ContentChangedEvent;
import org.broadsheet.shared.OtherInstances;
import org.broadsheet.shared.SiteProperties;
import org.springframework.boot.cache.autoconfigure.CacheManagerCustomizer;
import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Pages of threads as read from the database, kept (the {@code threads} cache: Caffeine through Spring's cache
 * abstraction, bounded by an estimate of their bytes) for as long as the page cache keeps pages, so that rendering
 * a page of threads again, or another order's first page, costs no SQL while nothing changed. A change to an
 * article's conversation drops that article's pages of threads only; threads read while it was changing are used
 * but not kept.
 */
@Component
class ThreadPages {

    static final String CACHE = "threads";

    /** The threads of one page and how many threads the article has. */
    record Threads(long total, List<ThreadView> threads, List<CommentView> picks, boolean premoderated) {

        /** About what they take in memory: a comment is its HTML and a few hundred bytes around it. */
        int weight() {
            long bytes = 256;
            for (ThreadView thread : threads) {
                bytes += weigh(thread.root());
            }
            for (CommentView pick : picks) {
                bytes += weigh(pick);
            }
            return (int) Math.min(Integer.MAX_VALUE, bytes);
        }

        private static long weigh(CommentView comment) {
            long bytes = 400 + (comment.html() == null ? 0 : 2L * comment.html().length());
            for (CommentView reply : comment.replies()) {
                bytes += weigh(reply);
            }
            return bytes;
        }
    }

    record Key(long articleId, CommentSort sort, int page) {
    }

    private final Cache<Key, Threads> threads;
    private final boolean enabled;
    /** Counts changes to each article's conversation, for threads read while one happened. */
    private final Map<Long, AtomicLong> changes = new ConcurrentHashMap<>();
    private final AtomicLong everything = new AtomicLong();

    @SuppressWarnings("unchecked")
    ThreadPages(CacheManager caches, SiteProperties site, OtherInstances others) {
        this.threads = (Cache<Key, Threads>) (Cache<?, ?>) ((CaffeineCache) caches.getCache(CACHE)).getNativeCache();
        this.enabled = !site.pageCacheTtl().isZero();
        // A conversation that changed on another instance is read again here too; messages missed, every one.
        others.listen(ContentChangedEvent.TOPIC, OtherInstances.Listener.of(
                message -> forget(ContentChangedEvent.fromMessage(message)),
                () -> forget(ContentChangedEvent.ofEverything())));
    }

    Threads get(long articleId, CommentSort sort, int page, Supplier<Threads> read) {
        if (!enabled) {
            return read.get();
        }
        Key key = new Key(articleId, sort, page);
        Threads kept = threads.getIfPresent(key);
        if (kept != null) {
            return kept;
        }
        long before = generation(articleId);
        Threads fresh = read.get();
        if (generation(articleId) == before) {
            threads.put(key, fresh);
            if (generation(articleId) != before) {
                threads.invalidate(key);
            }
        }
        return fresh;
    }

    private long generation(long articleId) {
        return everything.get() * 1_000_003L + changes.computeIfAbsent(articleId, id -> new AtomicLong()).get();
    }

    @EventListener
    void onContentChanged(ContentChangedEvent event) {
        AfterCommit.run(() -> forget(event));
    }

    private void forget(ContentChangedEvent event) {
        if (event.tags().contains(ContentChangedEvent.SITE)) {
            everything.incrementAndGet();
            threads.invalidateAll();
            return;
        }
        for (String tag : event.tags()) {
            if (tag.startsWith("conversation:")) {
                long articleId = Long.parseLong(tag.substring("conversation:".length()));
                changes.computeIfAbsent(articleId, id -> new AtomicLong()).incrementAndGet();
                threads.asMap().keySet().removeIf(key -> key.articleId() == articleId);
            }
        }
    }

    /** The {@code threads} cache: bounded by a quarter of the page cache's bytes, kept as long as pages are. */
    @Configuration(proxyBeanMethods = false)
    static class Config {

        @Bean
        CacheManagerCustomizer<CaffeineCacheManager> threadsCache(SiteProperties site) {
            Duration ttl = site.pageCacheTtl();
            return CaffeineCaches.register(CACHE, Caffeine.newBuilder()
                    .maximumWeight(Math.max(1, site.pageCacheSize().toBytes() / 4))
                    .weigher((Key key, Threads value) -> value.weight())
                    .expireAfterWrite(ttl.isZero() ? Duration.ofMillis(1) : ttl)
                    .recordStats()
                    .build());
        }
    }
}
