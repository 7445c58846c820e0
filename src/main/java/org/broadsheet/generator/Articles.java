package org.broadsheet.generator;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import org.broadsheet.article.RenderedBody;
import org.broadsheet.shared.Slugs;

/**
 * Published articles with ids 1 to N in order of publication, one every few hours back over {@link #SPAN}
 * (the newest, the busiest conversation, two hours ago), with their bylines, tags and further sections. Every
 * choice about an article comes from a random seeded by the article's id, so each table is written in a pass
 * of its own without holding the choices in memory.
 */
final class Articles {

    static final Duration SPAN = Duration.ofDays(10 * 365);

    /** Residents quoted in the articles: {@link Catalogue#displayName} of 0 to 899, all different. */
    static final int SPEAKERS = 900;

    private final int count;
    private final long seed;
    private final Instant newest;
    private final long step;

    Articles(int count, long seed, Instant now) {
        this.count = count;
        this.seed = seed;
        this.newest = now.minus(Duration.ofHours(2));
        this.step = Math.max(60, SPAN.toSeconds() / count);
    }

    Instant publishedAt(long id) {
        return newest.minusSeconds((count - id) * step);
    }

    Instant first() {
        return publishedAt(1);
    }

    private Random random(long id, int table) {
        return new Random(seed * 1_000_003L + id * 31 + table);
    }

    long write(Connection connection, Texts texts, int[] commentCounts) throws SQLException {
        Instant now = newest.plus(Duration.ofHours(2));
        try (CopyStream copy = new CopyStream(connection, "article", "id, slug, headline, standfirst, body_markdown,"
                + " body_html, body_text, article_type, status, primary_section_id, published_at, updated_at,"
                + " created_at, comments_open, comment_count, updated_by, saved_at")) {
            for (long id = 1; id <= count; id++) {
                Random random = random(id, 0);
                int section = Catalogue.sectionFor(random);
                String headline = texts.headline(id);
                String slug = id == count ? DataGenerator.BUSIEST_SLUG : Slugs.of(headline) + "-" + id;
                RenderedBody body = texts.body(random.nextInt(1 << 20));
                Instant published = publishedAt(id);
                Instant updated = random.nextInt(20) == 0 ? min(published.plus(Duration.ofHours(3)), now) : null;
                // A resident named in one article in about 900, so that a search for a name matches a few hundred.
                String quote = Catalogue.displayName(random.nextInt(SPEAKERS)) + ", who lives in "
                        + Texts.pick(Texts.PLACES, random) + ", said the town would keep a close eye on the plans.";
                copy.add(id).add(slug).add(headline).add(texts.standfirst(id)).add(body.markdown() + "\n\n" + quote)
                        .add(body.html() + "\n<p>" + quote + "</p>").add(body.text() + "\n" + quote).add(type(section, random)).add("PUBLISHED").add(section).add(published)
                        .add(updated).add(published.minus(Duration.ofHours(1))).add(true).add(commentCounts[(int) id])
                        .add("generator").add(updated == null ? published : updated).endRow();
            }
        }
        int authors = Catalogue.AUTHORS;
        int tags = Catalogue.tags().size();
        long rows = count;
        try (CopyStream copy = new CopyStream(connection, "article_author", "article_id, author_id, byline_order")) {
            for (long id = 1; id <= count; id++) {
                Random random = random(id, 1);
                int first = 1 + random.nextInt(authors);
                copy.add(id).add(first).add(0).endRow();
                if (random.nextInt(5) == 0) {
                    copy.add(id).add(1 + (first % authors)).add(1).endRow();
                    rows++;
                }
                rows++;
            }
        }
        try (CopyStream copy = new CopyStream(connection, "article_tag", "article_id, tag_id")) {
            for (long id = 1; id <= count; id++) {
                Random random = random(id, 2);
                int first = 1 + random.nextInt(tags);
                int n = 1 + random.nextInt(3);
                for (int t = 0; t < n; t++) {
                    copy.add(id).add(1 + (first - 1 + t * 7) % tags).endRow();
                    rows++;
                }
            }
        }
        try (CopyStream copy = new CopyStream(connection, "article_section", "article_id, section_id")) {
            for (long id = 1; id <= count; id++) {
                Random random = random(id, 3);
                if (random.nextInt(10) == 0) {
                    int primary = Catalogue.sectionFor(random(id, 0));
                    int further = 1 + random.nextInt(Catalogue.SECTIONS.size());
                    if (further != primary) {
                        copy.add(id).add(further).endRow();
                        rows++;
                    }
                }
            }
        }
        return rows;
    }

    private static String type(int section, Random random) {
        if (section == Catalogue.OPINION) {
            return "OPINION";
        }
        int r = random.nextInt(100);
        return r < 8 ? "ANALYSIS" : r < 11 ? "EXPLAINER" : "NEWS";
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
