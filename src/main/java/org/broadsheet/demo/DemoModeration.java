package org.broadsheet.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.broadsheet.account.AccountService;
import org.broadsheet.article.ArticleLists;
import org.broadsheet.article.FeedScope;
import org.broadsheet.article.Views.ArticleCard;
import org.broadsheet.comment.CommentRejectedException;
import org.broadsheet.comment.CommentPosting;
import org.broadsheet.comment.CommentReports;
import org.broadsheet.comment.ReportReason;
import org.broadsheet.moderation.PremoderatedArticles;
import org.broadsheet.moderation.Sanctions;
import org.broadsheet.moderation.WordLists;
import org.broadsheet.moderation.WordLists.WordList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Work for the demo moderator: a suspect-word list and a banned phrase, a pre-moderated article with comments
 * waiting, comments reported by readers (one of them by the site, for a suspect word), and one suspended demo
 * reader. Everything goes through the real services, so the queues hold what they would on a live site.
 */
@Component
@Profile("demo")
@Order(4)
class DemoModeration implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoModeration.class);

    static final List<String> SUSPECT = List.of("idiot", "liar", "moron", "scam");
    static final String BANNED = "buy followers";
    static final String[] WAITING = {
        "I went to the consultation evening and the plans on show were not the ones described here.",
        "Can anyone who lives on the estate say whether the buses have actually changed yet?",
    };
    static final String REPORTED = "Anyone who still believes this after reading the figures is beyond help, "
            + "and so are the people writing it.";
    static final String OFF_TOPIC = "Slightly off the subject, but does anyone know when the library reopens?";
    static final String WITH_SUSPECT_WORD = "The spokesman is a liar, and the council's own minutes show it.";
    static final String SUSPENSION = "Repeated personal attacks on other readers after a warning.";

    private final AccountService accounts;
    private final ArticleLists articles;
    private final CommentPosting posting;
    private final CommentReports reports;
    private final WordLists words;
    private final PremoderatedArticles premoderated;
    private final Sanctions sanctions;

    DemoModeration(AccountService accounts, ArticleLists articles, CommentPosting posting, CommentReports reports,
            WordLists words,
            PremoderatedArticles premoderated, Sanctions sanctions) {
        this.accounts = accounts;
        this.articles = articles;
        this.posting = posting;
        this.reports = reports;
        this.words = words;
        this.premoderated = premoderated;
        this.sanctions = sanctions;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Long> cast = new ArrayList<>();
        for (DemoComments.DemoReader demo : DemoComments.READERS) {
            accounts.idOf(demo.username()).ifPresent(cast::add);
        }
        if (cast.size() < 8 || !words.words(WordList.SUSPECT).isEmpty()) {
            log.info("Demo moderation already loaded, or no demo readers; leaving it as it is");
            return;
        }
        words.add(WordList.SUSPECT, String.join("\n", SUSPECT), "moderator");
        words.add(WordList.BANNED, BANNED, "moderator");
        // Two open conversations away from the busiest one: one pre-moderated, one with reports.
        List<ArticleCard> open = articles.latest(FeedScope.site(), 40).stream()
                .filter(card -> card.commentsOpen() && card.commentCount() > 0
                        && card.commentCount() < DemoComments.BUSIEST)
                .skip(3).limit(2).toList();
        if (open.size() < 2) {
            return;
        }
        ArticleCard waiting = open.get(0);
        ArticleCard reported = open.get(1);
        premoderated.set(waiting.id(), waiting.headline(), true, "moderator");
        post(cast.get(1), waiting.id(), WAITING[0]);
        post(cast.get(2), waiting.id(), WAITING[1]);

        post(cast.get(3), reported.id(), REPORTED).ifPresent(id -> {
            report(cast.get(4), id, ReportReason.ABUSE, "Insults everyone who disagrees.");
            report(cast.get(5), id, ReportReason.ABUSE, null);
        });
        post(cast.get(4), reported.id(), OFF_TOPIC)
                .ifPresent(id -> report(cast.get(6), id, ReportReason.OFF_TOPIC, null));
        post(cast.get(5), reported.id(), WITH_SUSPECT_WORD);

        long suspended = cast.get(cast.size() - 1);
        sanctions.impose(suspended, Sanctions.Kind.SUSPENSION, SUSPENSION, 7, "moderator");
        log.info("Loaded demo moderation: 2 comments waiting on \"{}\", 3 reported on \"{}\", 1 reader suspended",
                waiting.headline(), reported.headline());
    }

    private Optional<Long> post(long author, long articleId, String text) {
        try {
            return Optional.of(posting.post(author, articleId, null, text, null).id());
        } catch (CommentRejectedException e) {
            log.info("A demo comment was refused ({}); the demo goes on without it", e.code());
            return Optional.empty();
        }
    }

    private void report(long reporter, long commentId, ReportReason reason, String note) {
        try {
            reports.report(reporter, commentId, reason, note);
        } catch (CommentRejectedException e) {
            log.info("A demo report was refused ({}); the demo goes on without it", e.code());
        }
    }
}
