package org.broadsheet.following;

import java.util.Collection;
import java.util.Set;

import org.broadsheet.account.PersonalDataContributor;
import org.broadsheet.comment.CommentEvents.ReaderIgnored;
import org.broadsheet.comment.FollowedAuthors;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Where following shows up in other modules: the comments' menus (follow or stop following the author), a
 * reader's data export, and ignoring, which ends a follow either way inside the ignoring transaction.
 */
@Component
class FollowingElsewhere implements FollowedAuthors, PersonalDataContributor {

    private final FollowService follows;

    FollowingElsewhere(FollowService follows) {
        this.follows = follows;
    }

    @Override
    public Set<Long> followedAmong(long readerId, Collection<Long> authorIds) {
        return follows.followedAmong(readerId, authorIds);
    }

    @Override
    public String name() {
        return "following";
    }

    @Override
    public Object dataFor(long accountId) {
        return follows.exportFor(accountId);
    }

    @EventListener
    void on(ReaderIgnored event) {
        follows.endBetween(event.accountId(), event.ignoredId());
    }
}
