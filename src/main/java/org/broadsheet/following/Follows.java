package org.broadsheet.following;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The follow tables, in plain SQL: each statement uses the primary key or the index on who is followed. */
@Repository
class Follows {

    private final JdbcClient jdbc;

    Follows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the follow unless it exists; the caller holds the follower's lock, so two at once take turns. */
    boolean followReader(long followerId, long followedId, Instant at) {
        return jdbc.sql("""
                INSERT INTO reader_follow (follower_id, followed_id, created_at) SELECT :follower, :followed, :at
                WHERE NOT EXISTS (SELECT 1 FROM reader_follow WHERE follower_id = :follower AND followed_id = :followed)""")
                .param("follower", followerId).param("followed", followedId).param("at", at.atOffset(ZoneOffset.UTC)).update() > 0;
    }

    boolean unfollowReader(long followerId, long followedId) {
        return jdbc.sql("DELETE FROM reader_follow WHERE follower_id = :follower AND followed_id = :followed")
                .param("follower", followerId).param("followed", followedId).update() > 0;
    }

    /** Ends the follow between two readers, whichever way it went. */
    int unfollowEitherWay(long one, long other) {
        return jdbc.sql("""
                DELETE FROM reader_follow WHERE (follower_id = :one AND followed_id = :other)
                   OR (follower_id = :other AND followed_id = :one)""")
                .param("one", one).param("other", other).update();
    }

    boolean followsReader(long followerId, long followedId) {
        return jdbc.sql("SELECT COUNT(*) FROM reader_follow WHERE follower_id = :follower AND followed_id = :followed")
                .param("follower", followerId).param("followed", followedId).query(Long.class).single() > 0;
    }

    Set<Long> followedAmong(long followerId, Collection<Long> candidates) {
        return new HashSet<>(jdbc.sql("""
                SELECT followed_id FROM reader_follow WHERE follower_id = :follower AND followed_id IN (:candidates)""")
                .param("follower", followerId).param("candidates", List.copyOf(candidates)).query(Long.class).list());
    }

    List<Long> followedBy(long followerId) {
        return jdbc.sql("SELECT followed_id FROM reader_follow WHERE follower_id = :follower")
                .param("follower", followerId).query(Long.class).list();
    }

    List<Long> followersOf(long followedId) {
        return jdbc.sql("SELECT follower_id FROM reader_follow WHERE followed_id = :followed")
                .param("followed", followedId).query(Long.class).list();
    }

    long countFollowers(long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM reader_follow WHERE followed_id = :id").param("id", accountId)
                .query(Long.class).single();
    }

    long countFollowing(long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM reader_follow WHERE follower_id = :id").param("id", accountId)
                .query(Long.class).single();
    }

    /** A page of the accounts following this one (or that it follows), the most recent follow first. */
    List<Long> page(long accountId, boolean followers, int limit, long offset) {
        String sql = followers
                ? "SELECT follower_id FROM reader_follow WHERE followed_id = :id ORDER BY created_at DESC, follower_id"
                : "SELECT followed_id FROM reader_follow WHERE follower_id = :id ORDER BY created_at DESC, followed_id";
        return jdbc.sql(sql + " LIMIT :limit OFFSET :offset").param("id", accountId).param("limit", limit)
                .param("offset", offset).query(Long.class).list();
    }

    boolean followStory(long accountId, long articleId, Instant at) {
        return jdbc.sql("""
                INSERT INTO story_follow (account_id, article_id, created_at) SELECT :account, :article, :at
                WHERE NOT EXISTS (SELECT 1 FROM story_follow WHERE account_id = :account AND article_id = :article)""")
                .param("account", accountId).param("article", articleId).param("at", at.atOffset(ZoneOffset.UTC)).update() > 0;
    }

    boolean unfollowStory(long accountId, long articleId) {
        return jdbc.sql("DELETE FROM story_follow WHERE account_id = :account AND article_id = :article")
                .param("account", accountId).param("article", articleId).update() > 0;
    }

    boolean followsStory(long accountId, long articleId) {
        return jdbc.sql("SELECT COUNT(*) FROM story_follow WHERE account_id = :account AND article_id = :article")
                .param("account", accountId).param("article", articleId).query(Long.class).single() > 0;
    }

    List<Long> storyFollowers(long articleId) {
        return jdbc.sql("SELECT account_id FROM story_follow WHERE article_id = :article")
                .param("article", articleId).query(Long.class).list();
    }

    List<Long> storiesFollowedBy(long accountId) {
        return jdbc.sql("SELECT article_id FROM story_follow WHERE account_id = :account ORDER BY created_at DESC")
                .param("account", accountId).query(Long.class).list();
    }
}
