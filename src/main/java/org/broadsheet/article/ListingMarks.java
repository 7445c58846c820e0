package org.broadsheet.article;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.broadsheet.shared.AfterCommit;
import org.broadsheet.shared.CaffeineCaches;
import org.broadsheet.shared.ContentChangedEvent;
import org.broadsheet.shared.OtherInstances;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.cache.autoconfigure.CacheManagerCustomizer;
import org.springframework.cache.CacheManager;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where every thousandth article of a section's list falls, and how many articles the list holds: read in
 * one pass over {@code ix_article_listing} when the list is first paged after a change, and kept (the
 * {@code listing-marks} cache) until an article joins, leaves or moves in the lists.
 * <p>
 * A page number is an offset, and a database skips to an offset by reading every row before it: the 10,000th page
 * of a section with 200,000 articles read 200,000 index entries, and each page counted the whole section. With the
 * marks a page starts from the mark before it ({@code (published_at, id) < mark}, a range of the same index), so
 * that no page reads more than a thousand entries to find its first article whatever its number, and no page
 * counts ({@code broadsheet.listing.marks-every}, 1,000 unless tests ask for fewer).
 * <p>
 * Marks are kept whether or not pages are: they are an index of the lists, not a copy of a page, and are dropped
 * on the changes that would move them ({@link ContentChangedEvent#LISTS} or {@link ContentChangedEvent#SITE},
 * here or on another instance). One request reads a section's marks while the others that want them wait for it.
 * An article published from the desk for a time still to come is scheduled, and its publication is a change like
 * any other; one made visible for a later time by hand in the database, or seen early by an instance whose clock
 * runs behind, ends the marks at its time. They are read again at least every {@link #LIFETIME}, for a list
 * changed in the database by hand.
 */
@Component
class ListingMarks {

    static final String CACHE = "listing-marks";
    static final Duration LIFETIME = Duration.ofMinutes(10);

    /** The article at a mark: the list continues with the articles before it in (published_at, id). */
    record Mark(Instant publishedAt, long id) {
    }

    /**
     * @param total how many articles the list holds
     * @param every how many articles lie between two marks: the most that a page skips to reach its first
     * @param marks the {@code every}th, the {@code 2 * every}th... article, newest first
     * @param readAt the moment whose visible articles they describe
     * @param until when the next article becomes visible by its time alone; {@code Instant.MAX} for none
     * @param generation how many changes to the lists this instance had heard of when they were read: marks are
     *        right while no change has come since
     */
    record Marks(long total, int every, List<Mark> marks, Instant readAt, Instant until, long generation) {

        /** Whether they still describe the list as it is at {@code now}. */
        boolean describe(Instant now) {
            return !now.isBefore(readAt) && now.isBefore(until);
        }

        /**
         * Where a page starting at {@code offset} begins: after the last mark before it (null when it starts
         * before the first mark), skipping the articles in between.
         */
        Start start(long offset) {
            int passed = (int) Math.min(offset / every, marks.size());
            return passed == 0 ? new Start(null, offset)
                    : new Start(marks.get(passed - 1), offset - (long) passed * every);
        }
    }

    /** A page's first article is the {@code skip}th after {@code after} (or after the list's start, when null). */
    record Start(Mark after, long skip) {
    }

    /** Row numbers stream in the index's order; a count over the same window would hold every row first. */
    private static final String READ = """
            SELECT x.published_at, x.id FROM (
                SELECT a.published_at, a.id, ROW_NUMBER() OVER (ORDER BY a.published_at DESC, a.id DESC) AS n
                """ + ArticleRepository.IN_SECTIONS + """
            ) x
            WHERE MOD(x.n, :every) = 0
            ORDER BY x.n
            """;

    /** The articles after the last mark, fewer than {@code every}: the total is the marks' and these. */
    private static final String COUNT_AFTER = "SELECT COUNT(*) " + ArticleRepository.IN_SECTIONS
            + " AND (a.published_at, a.id) < (:at, :id)";

    private static final String COUNT_ALL = "SELECT COUNT(*) " + ArticleRepository.IN_SECTIONS;

    private static final String NEXT_VISIBLE = """
            SELECT MIN(a.published_at) FROM article a WHERE a.status = 'PUBLISHED' AND a.published_at > :now
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final int every;
    private final Cache<List<Long>, Marks> kept;
    /** Counts changes to the lists: marks read before the latest one are read again. */
    private final AtomicLong changes = new AtomicLong();

    @SuppressWarnings("unchecked")
    ListingMarks(NamedParameterJdbcTemplate jdbc, CacheManager caches, OtherInstances others,
            @Value("${broadsheet.listing.marks-every:1000}") int every) {
        if (every < 1) {
            throw new IllegalArgumentException("broadsheet.listing.marks-every must be at least 1");
        }
        this.jdbc = jdbc;
        this.every = every;
        this.kept = (Cache<List<Long>, Marks>) (Cache<?, ?>) ((CaffeineCache) caches.getCache(CACHE))
                .getNativeCache();
        // Lists changed on another instance move the marks here too; messages missed, every one.
        others.listen(ContentChangedEvent.TOPIC, OtherInstances.Listener.of(
                message -> forget(ContentChangedEvent.fromMessage(message)), this::forgetAll));
    }

    /** The marks of the list of articles in these sections (one section and its subsections). */
    Marks of(Collection<Long> sectionIds, Instant now) {
        List<Long> key = sectionIds.stream().sorted().distinct().toList();
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return read(key, now, changes.get()); // a transaction that writes may yet roll back: not kept
        }
        long generation = changes.get();
        Marks marks = kept.get(key, k -> read(k, now, generation));
        if (marks.generation() == changes.get() && marks.describe(now)) {
            return marks;
        }
        if (now.isBefore(marks.readAt())) {
            return read(key, now, generation); // read for a request a moment younger than this one
        }
        // Read before a change to the lists (perhaps while it committed), or past an article's time.
        kept.asMap().remove(key, marks);
        long later = changes.get();
        return kept.get(key, k -> read(k, now, later));
    }

    private Marks read(List<Long> sectionIds, Instant now, long generation) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("sections", sectionIds)
                .addValue("now", now.atOffset(ZoneOffset.UTC))
                .addValue("every", every);
        List<Mark> marks = jdbc.query(READ, params, (rs, row) -> new Mark(
                rs.getObject("published_at", OffsetDateTime.class).toInstant(), rs.getLong("id")));
        Long tail;
        if (marks.isEmpty()) {
            tail = jdbc.queryForObject(COUNT_ALL, params, Long.class);
        } else {
            Mark last = marks.get(marks.size() - 1);
            params.addValue("at", last.publishedAt().atOffset(ZoneOffset.UTC)).addValue("id", last.id());
            tail = jdbc.queryForObject(COUNT_AFTER, params, Long.class);
        }
        long total = (long) marks.size() * every + (tail == null ? 0 : tail);
        OffsetDateTime next = jdbc.queryForObject(NEXT_VISIBLE, params, OffsetDateTime.class);
        Instant until = next == null ? Instant.MAX : next.toInstant();
        return new Marks(total, every, List.copyOf(marks), now, until, generation);
    }

    @EventListener
    void onContentChanged(ContentChangedEvent event) {
        AfterCommit.run(() -> forget(event));
    }

    private void forget(ContentChangedEvent event) {
        if (event.tags().contains(ContentChangedEvent.LISTS) || event.tags().contains(ContentChangedEvent.SITE)) {
            forgetAll();
        }
    }

    private void forgetAll() {
        changes.incrementAndGet();
        kept.invalidateAll();
    }

    /** The {@code listing-marks} cache: a few kilobytes a list, one list a section. */
    @Configuration(proxyBeanMethods = false)
    static class Config {

        @Bean
        CacheManagerCustomizer<CaffeineCacheManager> listingMarksCache() {
            return CaffeineCaches.register(CACHE, Caffeine.newBuilder()
                    .maximumSize(1_000)
                    .expireAfterWrite(LIFETIME)
                    .recordStats()
                    .build());
        }
    }
}
