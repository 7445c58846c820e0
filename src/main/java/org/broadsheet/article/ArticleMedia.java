package org.broadsheet.article;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.broadsheet.media.MediaAudience;
import org.broadsheet.media.MediaNames;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which uploads each article names (its lead's picture, video, poster and captions, its sharing picture and the
 * pictures in its body), noted whenever it is saved, so that an upload is served to everyone exactly while an
 * article readers can see names it, or an author's photo is it ({@link MediaAudience}).
 */
@Component
class ArticleMedia implements MediaAudience {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    ArticleMedia(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Notes the uploads the article names now, in place of those it named before; in the saving transaction. */
    void record(Article article) {
        LeadMedia lead = article.getLead();
        Set<String> keys = MediaNames.keysIn(lead == null ? null : lead.url(), lead == null ? null : lead.srcset(),
                lead == null ? null : lead.webpSrcset(),
                lead == null ? null : lead.posterUrl(), lead == null ? null : lead.captionsUrl(),
                article.getSeoImage(), article.getBodyMarkdown());
        jdbc.update("DELETE FROM article_media WHERE article_id = ?", article.getId());
        List<Object[]> rows = keys.stream().map(key -> new Object[] { article.getId(), key }).toList();
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO article_media (article_id, media_key) VALUES (?, ?)", rows);
        }
    }

    @Override
    @Transactional(readOnly = true)
    public boolean isPublic(String key) {
        Integer articles = jdbc.queryForObject("SELECT COUNT(*) FROM article_media m JOIN article a ON a.id = "
                + "m.article_id WHERE m.media_key = ? AND a.status = 'PUBLISHED' AND a.published_at <= ?",
                Integer.class, key, Timestamp.from(clock.instant()));
        if (articles != null && articles > 0) {
            return true;
        }
        Integer authors = jdbc.queryForObject("SELECT COUNT(*) FROM author WHERE photo_url LIKE ?", Integer.class,
                "/media/" + key + "/%");
        return authors != null && authors > 0;
    }
}
