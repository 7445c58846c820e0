package org.broadsheet.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.broadsheet.account.AccountService;
import org.broadsheet.article.CorrectionKind;
import org.broadsheet.article.CorrectionService;
import org.broadsheet.comment.CommentRejectedException;
import org.broadsheet.comment.CommentPosting;
import org.broadsheet.comment.CommentService;
import org.broadsheet.comment.ReaderActivity;
import org.broadsheet.comment.ReaderActivity.CommentFacts;
import org.broadsheet.following.FollowRefusedException;
import org.broadsheet.following.FollowService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Who follows whom in the demo, and what the demo reader finds in their notifications on first sign-in. Demo
 * readers follow each other and a few stories; {@code reader} follows three of them and the busiest story and
 * has followers. Then a few things happen through the real services, so that the notifications are made as any
 * other: two readers reply to the demo reader's latest comments, a reader they follow comments, and an editor
 * adds a clarification to an article the demo reader commented on.
 */
@Component
@Profile("demo")
@Order(3)
class DemoFollowing implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoFollowing.class);

    static final String[] REPLIES = {
        "Good point, and one I had not thought about. Do you know whether the council has said anything since?",
        "I see it differently: the figures in the article suggest the change will take years, not months.",
    };
    static final String FOLLOWED_COMMENT = "Having read the whole piece twice, I think the most important line is "
            + "the last one, and it deserves more attention than it is getting here.";
    static final String CLARIFICATION = "To clarify: the council meeting this article mentions is on Thursday, "
            + "and it is open to the public.";

    private final AccountService accounts;
    private final FollowService follows;
    private final CommentService comments;
    private final CommentPosting posting;
    private final ReaderActivity activity;
    private final CorrectionService corrections;

    DemoFollowing(AccountService accounts, FollowService follows, CommentService comments, CommentPosting posting,
            ReaderActivity activity,
            CorrectionService corrections) {
        this.accounts = accounts;
        this.follows = follows;
        this.comments = comments;
        this.posting = posting;
        this.activity = activity;
        this.corrections = corrections;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<Long> reader = accounts.idOf("reader");
        List<Long> cast = new ArrayList<>();
        for (DemoComments.DemoReader demo : DemoComments.READERS) {
            accounts.idOf(demo.username()).ifPresent(cast::add);
        }
        if (reader.isEmpty() || cast.size() < 6 || follows.counts(reader.get()).following() > 0) {
            log.info("Demo follows already made, or no demo readers; leaving them as they are");
            return;
        }
        long me = reader.get();
        // Each demo reader follows the next two; the first five follow the demo reader, who follows three.
        for (int i = 0; i < cast.size(); i++) {
            quietly(cast.get(i), cast.get((i + 1) % cast.size()));
            quietly(cast.get(i), cast.get((i + 2) % cast.size()));
            if (i < 5) {
                quietly(cast.get(i), me);
            }
        }
        for (int i = 0; i < 3; i++) {
            quietly(me, cast.get(i));
        }
        // The demo reader's latest comments away from the busiest conversation, which keeps its round number.
        List<CommentFacts> mine = activity.latestBy(List.of(me), 1, 20).items().stream()
                .map(c -> activity.facts(c.id()).orElseThrow())
                .filter(c -> comments.article(c.articleId()).commentCount() < DemoComments.BUSIEST)
                .limit(REPLIES.length).toList();
        if (mine.isEmpty()) {
            return;
        }
        CommentFacts latest = mine.get(0);
        follows.followStory(me, latest.articleId());
        follows.followStory(cast.get(3), latest.articleId());
        // Readers the demo reader does not follow reply, so that these come as replies.
        for (int i = 0; i < mine.size(); i++) {
            CommentFacts answered = mine.get(i);
            post(cast.get(cast.size() - 1 - i), answered.articleId(), answered.id(), REPLIES[i]);
        }
        post(cast.get(0), latest.articleId(), null, FOLLOWED_COMMENT);
        corrections.add(latest.articleId(), CorrectionKind.CLARIFICATION, CLARIFICATION, "editor");
        log.info("Loaded demo follows: {} readers follow each other and the demo reader", cast.size());
    }

    private void quietly(long follower, long followed) {
        if (follower != followed) {
            try {
                follows.follow(follower, followed);
            } catch (FollowRefusedException e) {
                // One ignores the other: they do not follow each other.
            }
        }
    }

    private void post(long author, long articleId, Long parentId, String text) {
        try {
            posting.post(author, articleId, parentId, text, null);
        } catch (CommentRejectedException e) {
            log.info("A demo comment was refused ({}); the demo goes on without it", e.code());
        }
    }
}
