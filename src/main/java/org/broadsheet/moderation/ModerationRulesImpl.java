package org.broadsheet.moderation;

import java.util.List;

import org.broadsheet.comment.CommentRejectedException;
import org.broadsheet.comment.CommentText;
import org.broadsheet.comment.HoldReason;
import org.broadsheet.comment.CommentRecords;
import org.broadsheet.comment.ModerationRules;
import org.broadsheet.moderation.ModerationSettings.Rules;
import org.broadsheet.moderation.Sanctions.Sanction;
import org.broadsheet.moderation.Sanctions.Standing;
import org.springframework.stereotype.Component;

/**
 * The desk's rules as the comments module applies them to each comment: sanctions first, then banned words
 * (refused, the rule named), then what holds a comment (a pre-moderated article, a new account that is not
 * trusted, a link, an unverified address), then suspect words (published and reported).
 */
@Component
class ModerationRulesImpl implements ModerationRules {

    private final Sanctions sanctions;
    private final WordLists words;
    private final ModerationSettings settings;
    private final PremoderatedArticles premoderated;
    private final ReaderRecords records;
    private final CommentRecords commentRecords;

    ModerationRulesImpl(Sanctions sanctions, WordLists words, ModerationSettings settings,
            PremoderatedArticles premoderated, ReaderRecords records, CommentRecords commentRecords) {
        this.sanctions = sanctions;
        this.words = words;
        this.settings = settings;
        this.premoderated = premoderated;
        this.records = records;
        this.commentRecords = commentRecords;
    }

    @Override
    public void checkMayPost(long accountId) {
        Standing standing = sanctions.standing(accountId);
        if (!standing.mayPost()) {
            throw refusal(standing.sanction());
        }
    }

    @Override
    public void checkMayReact(long accountId) {
        Standing standing = sanctions.standing(accountId);
        if (!standing.mayReact()) {
            throw refusal(standing.suspension());
        }
    }

    static CommentRejectedException refusal(Sanction sanction) {
        return switch (sanction.kind()) {
            case BAN -> new CommentRejectedException("comment.sanction.ban", sanction.reason());
            case SUSPENSION -> new CommentRejectedException("comment.sanction.suspension",
                    sanction.ends().display(), sanction.reason());
            case WARNING -> new CommentRejectedException("comment.sanction.warning", sanction.reason());
        };
    }

    @Override
    public Screening screen(long accountId, long articleId, String text, boolean emailVerified) {
        WordLists.Lists lists = words.both();
        List<String> banned = WordMatcher.find(lists.banned(), text);
        if (!banned.isEmpty()) {
            throw new CommentRejectedException("comment.text.banned", banned.get(0));
        }
        return new Screening(hold(accountId, articleId, text, emailVerified),
                WordMatcher.find(lists.suspect(), text));
    }

    private HoldReason hold(long accountId, long articleId, String text, boolean emailVerified) {
        if (premoderated.premoderated(articleId)) {
            return HoldReason.PREMODERATED;
        }
        Rules rules = settings.rules();
        if (rules.newAccountHolds() > 0 && commentRecords.postedCount(accountId) < rules.newAccountHolds()
                && !trusted(accountId, rules)) {
            return HoldReason.NEW_ACCOUNT;
        }
        if (rules.holdLinks() && !CommentText.links(text).isEmpty()) {
            return HoldReason.LINKS;
        }
        if (!emailVerified && rules.holdUnverified()) {
            return HoldReason.UNVERIFIED;
        }
        return null;
    }

    /** Trusted by a moderator's flag, or by enough published comments and no rejection ever. */
    boolean trusted(long accountId, Rules rules) {
        if (records.trusted(accountId)) {
            return true;
        }
        return rules.trustedAfter() > 0 && commentRecords.approvedCount(accountId) >= rules.trustedAfter()
                && !commentRecords.everRejected(accountId);
    }

    @Override
    public Notice notice(long accountId) {
        Sanction sanction = sanctions.standing(accountId).sanction();
        return sanction == null ? null : new Notice(sanction.kind().key(), sanction.reason(),
                sanction.ends() == null ? null : sanction.ends().display(), sanction.id());
    }

    @Override
    public boolean premoderated(long articleId) {
        return premoderated.premoderated(articleId);
    }
}
