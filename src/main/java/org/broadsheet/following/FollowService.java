package org.broadsheet.following;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.AccountViews.Commenter;
import org.broadsheet.comment.CommentService;
import org.broadsheet.comment.ReaderActivity;
import org.broadsheet.comment.ReaderActivity.FeedComment;
import org.broadsheet.shared.NotFoundException;
import org.broadsheet.shared.PagedResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Following readers and stories: follow and stop following, the counts and lists on profiles, and the Following
 * page of the latest comments of the readers one follows. Each change locks the follower's account row first,
 * so that two clicks arriving together take turns and the limit holds.
 */
@Service
@Transactional
public class FollowService {

    /** The most readers one account follows: the Following page asks for their comments in one query. */
    public static final int MAX_FOLLOWING = 1_000;
    public static final int PEOPLE_PER_PAGE = 50;
    public static final int FEED_PER_PAGE = 20;

    private final Follows follows;
    private final AccountService accounts;
    private final CommentService comments;
    private final ReaderActivity activity;
    private final Clock clock;

    FollowService(Follows follows, AccountService accounts, CommentService comments, ReaderActivity activity,
            Clock clock) {
        this.follows = follows;
        this.accounts = accounts;
        this.comments = comments;
        this.activity = activity;
        this.clock = clock;
    }

    /** A reader as a list of followers shows them. */
    public record Person(String username, String displayName) {
    }

    /** How many follow a reader and how many they follow. */
    public record FollowCounts(long followers, long following) {
    }

    /**
     * Follows the reader; following one already followed changes nothing.
     *
     * @return the display name of the reader followed
     * @throws FollowRefusedException for oneself, a reader with a private profile, a reader who ignores one or whom
     *         one ignores, or past the limit
     * @throws NotFoundException when there is no such reader
     */
    public String follow(long followerId, long followedId) {
        accounts.lockForWriting(followerId);
        Commenter followed = person(followedId);
        if (followerId == followedId) {
            throw new FollowRefusedException("follow.self");
        }
        if (!accounts.view(followedId).profilePublic()) {
            // Following would gather what a private profile keeps apart: their comments, in one list.
            throw new FollowRefusedException("follow.private");
        }
        if (activity.eitherIgnores(followerId, followedId)) {
            throw new FollowRefusedException("follow.ignoring");
        }
        if (!follows.followsReader(followerId, followedId) && follows.countFollowing(followerId) >= MAX_FOLLOWING) {
            throw new FollowRefusedException("follow.too-many");
        }
        follows.followReader(followerId, followedId, clock.instant());
        return followed.displayName();
    }

    /** Stops following the reader; stopping when one did not follow changes nothing. */
    public String unfollow(long followerId, long followedId) {
        accounts.lockForWriting(followerId);
        Commenter followed = person(followedId);
        follows.unfollowReader(followerId, followedId);
        return followed.displayName();
    }

    /** Follows the author of this comment. */
    public String followAuthorOf(long followerId, long commentId) {
        return follow(followerId, authorOf(commentId));
    }

    public String unfollowAuthorOf(long followerId, long commentId) {
        return unfollow(followerId, authorOf(commentId));
    }

    /** The id of the reader with this username (any case). */
    @Transactional(readOnly = true)
    public long readerId(String username) {
        return accounts.idOf(username).orElseThrow(() -> new NotFoundException("user " + username));
    }

    /** Follows the conversation under an article: its new comments reach the reader as notifications. */
    public void followStory(long accountId, long articleId) {
        accounts.lockForWriting(accountId);
        comments.article(articleId);
        follows.followStory(accountId, articleId, clock.instant());
    }

    public void unfollowStory(long accountId, long articleId) {
        accounts.lockForWriting(accountId);
        follows.unfollowStory(accountId, articleId);
    }

    @Transactional(readOnly = true)
    public boolean followsStory(long accountId, long articleId) {
        return follows.followsStory(accountId, articleId);
    }

    @Transactional(readOnly = true)
    public boolean follows(long followerId, long followedId) {
        return follows.followsReader(followerId, followedId);
    }

    @Transactional(readOnly = true)
    public Set<Long> followedAmong(long followerId, Collection<Long> candidates) {
        return candidates.isEmpty() ? Set.of() : follows.followedAmong(followerId, candidates);
    }

    @Transactional(readOnly = true)
    public FollowCounts counts(long accountId) {
        return new FollowCounts(follows.countFollowers(accountId), follows.countFollowing(accountId));
    }

    /** A page of a reader's followers or of whom they follow, under their name. */
    public record PeoplePage(String username, String displayName, boolean followers, PagedResult<Person> people) {
    }

    /**
     * A page of the reader's followers, or of whom they follow, the most recent first. The lists of a private
     * profile are its owner's alone.
     *
     * @throws NotFoundException when there is no such reader, or the profile is private and not the viewer's
     */
    @Transactional(readOnly = true)
    public PeoplePage people(String username, boolean followers, Long viewerId, int page) {
        long id = readerId(username);
        var account = accounts.view(id);
        if (!account.profilePublic() && (viewerId == null || viewerId != id)) {
            throw new NotFoundException("the lists of a private profile");
        }
        FollowCounts counts = counts(id);
        long total = followers ? counts.followers() : counts.following();
        List<Long> ids = follows.page(id, followers, PEOPLE_PER_PAGE, (long) (Math.max(1, page) - 1) * PEOPLE_PER_PAGE);
        Map<Long, Commenter> found = accounts.commenters(ids);
        List<Person> people = ids.stream().map(found::get).filter(Objects::nonNull)
                .map(c -> new Person(c.username(), c.displayName())).toList();
        return new PeoplePage(account.username(), account.displayName(), followers,
                new PagedResult<>(people, Math.max(1, page), PEOPLE_PER_PAGE, total));
    }

    /**
     * The Following page: the latest comments and replies of the readers this reader follows (of those whose
     * profile is public: a reader who made theirs private since drops out).
     */
    @Transactional(readOnly = true)
    public PagedResult<FeedComment> feed(long accountId, int page) {
        return activity.latestBy(accounts.withPublicProfiles(follows.followedBy(accountId)), page, FEED_PER_PAGE);
    }

    /** Who follows this reader, for the notifications of their comments; nobody while their profile is private. */
    @Transactional(readOnly = true)
    public List<Long> followersOf(long accountId) {
        return accounts.view(accountId).profilePublic() ? follows.followersOf(accountId) : List.of();
    }

    /** Who follows this article's conversation. */
    @Transactional(readOnly = true)
    public List<Long> storyFollowers(long articleId) {
        return follows.storyFollowers(articleId);
    }

    /** Ends a follow between two readers either way: one of them began to ignore the other. */
    void endBetween(long one, long other) {
        follows.unfollowEitherWay(one, other);
    }

    /** What an account's data export holds of its follows. */
    @Transactional(readOnly = true)
    Map<String, Object> exportFor(long accountId) {
        Map<Long, Commenter> people = accounts.commenters(follows.followedBy(accountId));
        return Map.of("readers", people.values().stream().map(Commenter::username).sorted().toList(),
                "stories", follows.storiesFollowedBy(accountId));
    }

    private Commenter person(long accountId) {
        Commenter found = accounts.commenters(List.of(accountId)).get(accountId);
        if (found == null) {
            throw new NotFoundException("account " + accountId);
        }
        return found;
    }

    private long authorOf(long commentId) {
        return activity.facts(commentId).filter(ReaderActivity.CommentFacts::visible)
                .map(ReaderActivity.CommentFacts::authorId)
                .orElseThrow(() -> new NotFoundException("comment " + commentId));
    }
}
