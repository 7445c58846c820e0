package org.broadsheet.article;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.broadsheet.article.Catalogue.FrontPageDesk;
import org.broadsheet.article.Catalogue.Pin;
import org.broadsheet.article.Catalogue.PinChoice;
import org.broadsheet.article.Views.FrontPage;
import org.broadsheet.shared.Datelines;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The front-page desk as an editor opens it: the pins with the version a change to them must carry back
 * ({@link FrontPagePins}), what readers see now, and the published stories to choose from.
 */
@Service
@Transactional(readOnly = true)
public class FrontPageChoices {

    /** How many stories the front-page desk offers to choose from. */
    static final int CHOICES = 100;

    private final SectionRepository sections;
    private final ArticleRepository articles;
    private final FrontPagePinRepository pins;
    private final CatalogueRepository catalogue;
    private final FrontPages reading;
    private final Datelines datelines;
    private final Clock clock;

    FrontPageChoices(SectionRepository sections, ArticleRepository articles, FrontPagePinRepository pins,
            CatalogueRepository catalogue, FrontPages reading, Datelines datelines, Clock clock) {
        this.sections = sections;
        this.articles = articles;
        this.pins = pins;
        this.catalogue = catalogue;
        this.reading = reading;
        this.datelines = datelines;
        this.clock = clock;
    }

    /**
     * The front-page desk: the pins, what readers see now, and the stories to choose from: the latest
     * {@value #CHOICES}, or those whose headline contains {@code search} (or whose id it is).
     */
    public FrontPageDesk frontPageDesk(String search) {
        Instant now = clock.instant();
        // The count before the pins: should another editor's change fall between the two, the page shows newer
        // pins than its count, and saving is refused rather than made over pins the editor did not see.
        long version = pins.version();
        List<FrontPagePin> current = pins.findAllInOrder();
        List<Long> choiceIds = new ArrayList<>(search == null || search.isBlank()
                ? catalogue.findLatestVisibleIds(now, PageRequest.of(0, CHOICES))
                : catalogue.searchVisibleIds(likePattern(search), idIn(search), now, PageRequest.of(0, CHOICES)));
        current.stream().map(FrontPagePin::getArticleId).filter(id -> !choiceIds.contains(id))
                .forEach(choiceIds::add);
        Map<Long, Article> found = articles.findAllById(choiceIds).stream()
                .collect(Collectors.toMap(Article::getId, Function.identity()));
        Pin lead = null;
        List<Pin> top = new ArrayList<>();
        Set<Long> pinnedIds = new HashSet<>();
        for (FrontPagePin pin : current) {
            Article article = found.get(pin.getArticleId());
            if (article == null) {
                continue;
            }
            boolean visible = visible(article, now);
            Pin view = new Pin(article.getId(), article.getHeadline(), visible);
            if (visible) {
                pinnedIds.add(article.getId());
            }
            if (pin.getSlot() == PinSlot.LEAD) {
                lead = view;
            } else {
                top.add(view);
            }
        }
        Map<Long, String> sectionNames = sections.findAll().stream()
                .collect(Collectors.toMap(Section::getId, Section::getName));
        List<PinChoice> choices = choiceIds.stream().map(found::get).filter(Objects::nonNull)
                .map(a -> new PinChoice(a.getId(), a.getHeadline(), sectionNames.get(a.getPrimarySectionId()),
                        a.getPublishedAt() == null ? null : datelines.of(a.getPublishedAt())))
                .toList();
        FrontPage shown = reading.frontPage();
        return new FrontPageDesk(lead, top, shown.lead(), shown.topStories(), pinnedIds, choices, version);
    }

    private static boolean visible(Article article, Instant now) {
        return article.getStatus() == ArticleStatus.PUBLISHED && article.getPublishedAt() != null
                && !article.getPublishedAt().isAfter(now);
    }

    private static String likePattern(String search) {
        String text = search.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + text + "%";
    }

    private static long idIn(String search) {
        String text = search.strip();
        return text.matches("\\d{1,18}") ? Long.parseLong(text) : -1;
    }
}
