package org.broadsheet.pages;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;

import org.broadsheet.shared.AfterCommit;
import org.broadsheet.shared.ContentChangedEvent;
import org.springframework.util.unit.DataSize;
import org.springframework.context.event.EventListener;

/**
 * The pages kept for every reader, by address, in Caffeine bounded by the bytes its pages take and registered with
 * the cache manager as the {@code pages} cache (see {@link PagesConfig}), each with the tags of what it shows. A
 * {@link ContentChangedEvent} drops, once its transaction commits, the pages tagged with what changed and no
 * others; a page rendered while something it shows was changing is served but not kept, so no page is ever
 * served from before the change that made it stale.
 */
class PageCache {

    static final String CACHE = "pages";

    private final Cache<String, CachedPage> pages;
    private final Map<String, Set<String>> addressesByTag = new ConcurrentHashMap<>();
    /** Counts changes; each tag remembers the count at its last change, for renders that began before it. */
    private final AtomicLong changes = new AtomicLong();
    private final Cache<String, Long> changedAt;
    private volatile long everythingChangedAt;
    private final Duration ttl;
    private final String cacheControl;
    private final Clock clock;

    private final PageFiles files;
    private volatile boolean on = true;

    PageCache(DataSize size, Duration ttl, Clock clock, PageFiles files) {
        this(size, ttl, Duration.ZERO, clock, files);
    }

    PageCache(DataSize size, Duration ttl, Duration sharedTtl, Clock clock, PageFiles files) {
        this.cacheControl = cacheControl(sharedTtl);
        this.files = files;
        this.pages = Caffeine.newBuilder()
                .maximumWeight(Math.max(1, size.toBytes()))
                .weigher((String address, CachedPage page) -> page.weight())
                // Kept twice their lifetime: an expired page is served while one request renders it again.
                .expireAfterWrite(ttl.isZero() ? Duration.ofMillis(1) : ttl.multipliedBy(2))
                .removalListener((String address, CachedPage page, RemovalCause cause) -> forget(address, page))
                .recordStats()
                .build();
        this.changedAt = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(10)).build();
        this.ttl = ttl;
        this.clock = clock;
    }

    /**
     * Browsers always ask again, with the ETag, so a reader never sees a page older than the last change. A
     * shared cache in front of the site (nginx, see docs/production.md) may keep it for {@code sharedTtl}, so
     * anonymous readers there may see a change that much later; without it, {@code no-cache} keeps them out.
     */
    static String cacheControl(Duration sharedTtl) {
        long seconds = sharedTtl.toSeconds();
        return seconds <= 0 ? "no-cache" : "public, max-age=0, s-maxage=" + seconds;
    }

    /** The {@code Cache-Control} of every kept page sent to an anonymous reader. */
    String cacheControl() {
        return cacheControl;
    }

    /** The kept pages, for the cache manager (and so for the cache metrics) as the {@code pages} cache. */
    Cache<String, CachedPage> nativeCache() {
        return pages;
    }

    boolean enabled() {
        return on && !ttl.isZero();
    }

    /**
     * Switches keeping and serving kept pages on or off (off, every page is rendered whole, parts in place): for
     * tests that compare what the cache serves with what a full render gives.
     */
    void switchOn(boolean on) {
        this.on = on;
        if (!on) {
            clear();
        }
    }

    /** The page kept at this address, fresh or expired (an expired one is served while it is rendered again). */
    CachedPage get(String address) {
        return enabled() ? pages.getIfPresent(address) : null;
    }

    /** The page kept at this address if it is still fresh. */
    CachedPage fresh(String address) {
        CachedPage page = get(address);
        return page != null && page.expiresAt() > clock.millis() ? page : null;
    }

    /** Where changes stand before a page is rendered, for {@link #keep}. */
    long beginRender() {
        return changes.get();
    }

    /**
     * Keeps the page unless something it shows changed since its render began (at {@code began}).
     *
     * @return whether it was kept
     */
    boolean keep(String address, CachedPage page, long began) {
        if (!enabled() || staleSince(page.tags(), began)) {
            release(page);
            return false;
        }
        for (String tag : page.tags()) {
            addressesByTag.computeIfAbsent(tag, t -> ConcurrentHashMap.newKeySet()).add(address);
        }
        pages.put(address, page);
        if (staleSince(page.tags(), began)) {
            // A change committed while the page was being put.
            pages.invalidate(address);
            return false;
        }
        return true;
    }

    private boolean staleSince(Set<String> tags, long began) {
        if (everythingChangedAt > began) {
            return true;
        }
        for (String tag : tags) {
            Long at = changedAt.getIfPresent(tag);
            if (at != null && at > began) {
                return true;
            }
        }
        return false;
    }

    /** When {@code page} leaves the cache: its files go, and its address leaves the tags' lists. */
    void forget(String address, CachedPage page) {
        if (page == null) {
            return;
        }
        release(page);
        for (String tag : page.tags()) {
            Set<String> addresses = addressesByTag.get(tag);
            if (addresses != null) {
                addresses.remove(address);
                if (addresses.isEmpty()) {
                    addressesByTag.remove(tag, addresses);
                }
            }
        }
    }

    private void release(CachedPage page) {
        files.release(page.bodyFile());
        files.release(page.gzippedFile());
    }

    @EventListener
    void onContentChanged(ContentChangedEvent event) {
        AfterCommit.run(() -> drop(event.tags()));
    }

    /** Drops every page tagged with any of these; {@link ContentChangedEvent#SITE} drops them all. */
    void drop(Set<String> tags) {
        long change = changes.incrementAndGet();
        if (tags.contains(ContentChangedEvent.SITE)) {
            everythingChangedAt = change;
            pages.invalidateAll();
            return;
        }
        for (String tag : tags) {
            changedAt.put(tag, change);
            Set<String> addresses = addressesByTag.remove(tag);
            if (addresses != null) {
                pages.invalidateAll(addresses);
            }
        }
    }

    /** Drops every page. */
    void clear() {
        drop(Set.of(ContentChangedEvent.SITE));
    }

    long size() {
        pages.cleanUp();
        return pages.estimatedSize();
    }

    long weight() {
        pages.cleanUp();
        return pages.policy().eviction().map(eviction -> eviction.weightedSize().orElse(0)).orElse(0L);
    }

    Duration ttl() {
        return ttl;
    }
}
