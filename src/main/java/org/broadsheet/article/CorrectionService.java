package org.broadsheet.article;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.broadsheet.article.CorrectionViews.CorrectionDesk;
import org.broadsheet.article.CorrectionViews.DeskNote;
import org.broadsheet.article.CorrectionViews.ListedCorrection;
import org.broadsheet.article.Views.ArticleCard;
import org.broadsheet.article.Views.CorrectionNote;
import org.broadsheet.shared.AuditEvent;
import org.broadsheet.shared.ContentChangedEvent;
import org.broadsheet.shared.Datelines;
import org.broadsheet.shared.NotFoundException;
import org.broadsheet.shared.PagedResult;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Corrections, updates and clarifications of published articles: editors add them, readers find them under the
 * article and on the public corrections page. The notes under one article are read by {@link ArticleService}.
 */
@Service
@Transactional(readOnly = true)
public class CorrectionService {

    public static final int NOTE_MAX_LENGTH = 2000;
    public static final int PAGE_SIZE = 20;
    static final String AUDIT_ACTION = "article.correction";

    private final CorrectionRepository corrections;
    private final ArticleRepository articles;
    private final ArticleCards articleService;
    private final Datelines datelines;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    CorrectionService(CorrectionRepository corrections, ArticleRepository articles, ArticleCards articleService,
            Datelines datelines, Clock clock, ApplicationEventPublisher events) {
        this.corrections = corrections;
        this.articles = articles;
        this.articleService = articleService;
        this.datelines = datelines;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Adds a dated note to a published article and moves its "Updated" time to now, without changing the
     * article's version, so that an editor who has its form open can still save it.
     *
     * @param note plain text, 1 to {@value #NOTE_MAX_LENGTH} characters once trimmed
     * @param editor the username of the editor adding it
     * @return the id of the note
     * @throws NotFoundException when there is no such article
     * @throws NotPublishedException when readers cannot see the article (a draft, a scheduled article)
     */
    @Transactional
    public long add(long articleId, CorrectionKind kind, String note, String editor) {
        Objects.requireNonNull(kind, "kind");
        String text = note == null ? "" : note.replace("\r\n", "\n").strip();
        if (text.isEmpty() || text.length() > NOTE_MAX_LENGTH) {
            throw new IllegalArgumentException("A note needs 1 to " + NOTE_MAX_LENGTH + " characters");
        }
        Instant now = clock.instant();
        Article article = articles.findById(articleId)
                .orElseThrow(() -> new NotFoundException("article " + articleId));
        if (!readersSee(article, now)) {
            throw new NotPublishedException(articleId);
        }
        Correction saved = corrections.save(new Correction(articleId, kind, text, now, editor));
        corrections.markArticleUpdated(articleId, now);
        events.publishEvent(ContentChangedEvent.ofCorrection(articleId));
        events.publishEvent(new AuditEvent(editor, AUDIT_ACTION, article.getHeadline(), kind.name()));
        events.publishEvent(new CorrectionAdded(articleId, saved.getId(), kind));
        return saved.getId();
    }

    /**
     * The article as the editors' corrections form shows it: its headline, its public address when readers can
     * see it, and its notes, oldest first.
     *
     * @throws NotFoundException when there is no such article
     */
    public CorrectionDesk desk(long articleId) {
        Instant now = clock.instant();
        Article article = articles.findById(articleId)
                .orElseThrow(() -> new NotFoundException("article " + articleId));
        String publicUrl = !readersSee(article, now) ? null
                : articleService.cardsFor(List.of(articleId)).stream().map(ArticleCard::url).findFirst()
                        .orElse(null);
        List<DeskNote> notes = corrections.findByArticle(articleId).stream()
                .map(c -> new DeskNote(note(c, datelines), c.getCreatedBy())).toList();
        return new CorrectionDesk(articleId, article.getHeadline(), publicUrl, notes);
    }

    /**
     * A page of the public corrections page: notes on articles readers can see, newest first.
     *
     * @throws NotFoundException for a page after the last (page 1 always exists)
     */
    public PagedResult<ListedCorrection> latest(int page) {
        int number = Math.max(1, page);
        Page<Correction> found = corrections.findVisible(clock.instant(), PageRequest.of(number - 1, PAGE_SIZE));
        if (number > 1 && found.isEmpty()) {
            throw new NotFoundException("corrections page " + number);
        }
        Map<Long, ArticleCard> cards = articleService.cardsById(
                found.getContent().stream().map(Correction::getArticleId).collect(Collectors.toSet()));
        List<ListedCorrection> items = found.getContent().stream()
                .filter(c -> cards.containsKey(c.getArticleId()))
                .map(c -> new ListedCorrection(note(c, datelines), cards.get(c.getArticleId()).url(),
                        cards.get(c.getArticleId()).headline()))
                .toList();
        return new PagedResult<>(items, number, PAGE_SIZE, found.getTotalElements());
    }

    static CorrectionNote note(Correction correction, Datelines datelines) {
        return new CorrectionNote(correction.getId(), correction.getKind(), datelines.of(correction.getCreatedAt()),
                correction.getNote());
    }

    private static boolean readersSee(Article article, Instant now) {
        return article.getStatus() == ArticleStatus.PUBLISHED && article.getPublishedAt() != null
                && !article.getPublishedAt().isAfter(now);
    }

    /** Only articles readers can see are corrected: a draft is simply edited. */
    public static class NotPublishedException extends RuntimeException {

        public NotPublishedException(long articleId) {
            super("Article " + articleId + " is not published");
        }
    }
}
