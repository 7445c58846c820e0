package org.broadsheet.article;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.broadsheet.article.Catalogue.FrontPageDesk;
import org.broadsheet.shared.AuditEvent;
import org.broadsheet.shared.ContentChangedEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pinning stories to the front page and clearing the pins. Every change carries the count of changes to the
 * pins that the editor's desk page ({@link FrontPageChoices}) showed, and moves it on, so that an editor never
 * saves over pins they did not see.
 */
@Service
public class FrontPagePins {

    /** How many top stories editors can pin. */
    public static final int TOP_STORIES = 4;

    private final ArticleRepository articles;
    private final FrontPagePinRepository pins;
    private final ApplicationEventPublisher events;

    FrontPagePins(ArticleRepository articles, FrontPagePinRepository pins, ApplicationEventPublisher events) {
        this.articles = articles;
        this.pins = pins;
        this.events = events;
    }

    /**
     * Pins the lead story and the top stories (in order, nulls ignored), replacing the pins there were, if
     * nobody changed them since the editor's desk page showed them; a place without a pin is filled with the
     * latest stories. Stories must be published or scheduled (a scheduled one shows once it is published).
     *
     * @param version the {@link FrontPageDesk#version()} of the desk page the editor chose on (null: unknown)
     * @throws EditRefusedException when a story is chosen twice, is a draft or is gone (field {@code lead} or
     *         {@code top}), or another editor changed the pins at the same moment (no field)
     * @throws StaleEditException when the pins changed since {@code version}
     */
    @Transactional
    public void pinFrontPage(Long version, Long leadId, List<Long> topIds, String editor) {
        List<Long> top = topIds == null ? List.of() : topIds.stream().filter(Objects::nonNull).toList();
        if (top.size() > TOP_STORIES) {
            throw new EditRefusedException("top", "catalogue.front.too-many");
        }
        Set<Long> chosen = new LinkedHashSet<>();
        if (leadId != null) {
            chosen.add(leadId);
        }
        for (Long id : top) {
            if (!chosen.add(id)) {
                throw new EditRefusedException("top", "catalogue.front.twice");
            }
        }
        claimPins(version);
        Map<Long, Article> found = articles.findAllById(chosen).stream()
                .collect(Collectors.toMap(Article::getId, Function.identity()));
        for (Long id : chosen) {
            Article article = found.get(id);
            if (article == null || article.getStatus() == ArticleStatus.DRAFT) {
                throw new EditRefusedException(id.equals(leadId) ? "lead" : "top", "catalogue.front.draft");
            }
        }
        pins.deleteAllPins();
        if (leadId != null) {
            pins.save(new FrontPagePin(PinSlot.LEAD, 0, leadId));
        }
        for (int i = 0; i < top.size(); i++) {
            pins.save(new FrontPagePin(PinSlot.TOP, i, top.get(i)));
        }
        try {
            pins.flush();
        } catch (DataIntegrityViolationException e) {
            // Another editor's pins were stored between the delete and these.
            throw new EditRefusedException(null, "catalogue.front.conflict");
        }
        String detail = "lead: " + (leadId == null ? "latest" : found.get(leadId).getHeadline()) + "; top: "
                + (top.isEmpty() ? "latest" : top.stream().map(id -> found.get(id).getHeadline())
                        .collect(Collectors.joining(" | ")));
        events.publishEvent(new AuditEvent(editor, "front-page.pinned", "front page", detail));
        events.publishEvent(ContentChangedEvent.ofEverything());
    }

    /**
     * Removes every pin, if nobody changed them since the editor's desk page showed them: the front page shows
     * the latest stories again.
     *
     * @param version the {@link FrontPageDesk#version()} of the desk page the editor cleared from (null: unknown)
     * @throws StaleEditException when the pins changed since {@code version}
     */
    @Transactional
    public void clearFrontPage(Long version, String editor) {
        claimPins(version);
        if (pins.deleteAllPins() > 0) {
            events.publishEvent(new AuditEvent(editor, "front-page.cleared", "front page", null));
            events.publishEvent(ContentChangedEvent.ofEverything());
        }
    }

    /**
     * Moves the pins' count on from the one the editor saw, or refuses. The row stays locked until the change
     * commits, so another editor's change waits for it and then finds the count moved on.
     */
    private void claimPins(Long version) {
        if (version == null || pins.advanceVersion(version) == 0) {
            throw new StaleEditException("front page");
        }
    }
}
