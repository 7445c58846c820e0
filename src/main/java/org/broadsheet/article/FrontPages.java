package org.broadsheet.article;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.broadsheet.article.Views.ArticleCard;
import org.broadsheet.article.Views.FrontPage;
import org.broadsheet.article.Views.SectionBlock;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The front page: the stories editors pinned (those readers can see), then the latest ones in the places left,
 * the top stories with a picture, and a block per main section.
 */
@Service
@Transactional(readOnly = true)
public class FrontPages {

    private static final int FRONT_PAGE_POOL = 120;

    private final ArticleRepository articles;
    private final ArticleCards cards;
    private final SectionTrees sections;
    private final Clock clock;

    FrontPages(ArticleRepository articles, ArticleCards cards, SectionTrees sections, Clock clock) {
        this.articles = articles;
        this.cards = cards;
        this.sections = sections;
        this.clock = clock;
    }

    /** Read in three statements however many stories are pinned: the pins, the latest, all their bylines. */
    public FrontPage frontPage() {
        Instant now = clock.instant();
        List<PinnedArticle> pinned = articles.findVisiblePins(now);
        List<Article> newest = articles.findNewestVisible(now, PageRequest.of(0, FRONT_PAGE_POOL));
        List<Article> both = new ArrayList<>(newest);
        Set<Long> newestIds = newest.stream().map(Article::getId).collect(Collectors.toSet());
        pinned.stream().map(PinnedArticle::article).filter(a -> !newestIds.contains(a.getId())).forEach(both::add);
        Map<Long, ArticleCard> cardsById = cards.cards(both).stream()
                .collect(Collectors.toMap(ArticleCard::id, Function.identity()));
        List<ArticleCard> pool = newest.stream().map(a -> cardsById.get(a.getId())).toList();
        ArticleCard lead = null;
        List<ArticleCard> top = new ArrayList<>();
        for (PinnedArticle pin : pinned) {
            ArticleCard card = cardsById.get(pin.article().getId());
            if (pin.slot() == PinSlot.LEAD) {
                lead = card;
            } else if (top.size() < 4) {
                top.add(card);
            }
        }
        Set<Long> shown = new LinkedHashSet<>();
        top.forEach(card -> shown.add(card.id()));
        if (lead == null) {
            // The latest story that is not pinned as a top story; the first top story if every one is.
            lead = pool.stream().filter(card -> !shown.contains(card.id())).findFirst()
                    .orElseGet(() -> top.isEmpty() ? null : top.remove(0));
        }
        if (lead == null) {
            return new FrontPage(null, List.of(), List.of(), List.of());
        }
        shown.add(lead.id());
        top.addAll(take(pool, shown, 4 - top.size(), ArticleCard::pictured));
        List<ArticleCard> latest = take(pool, shown, 6, card -> true);
        SectionTree tree = sections.tree();
        List<SectionBlock> blocks = new ArrayList<>();
        for (Section root : tree.roots()) {
            Set<Long> subtree = tree.subtree(root.getId());
            List<ArticleCard> inSection = take(pool, shown, 4, card -> subtree.contains(card.section().id()));
            if (!inSection.isEmpty()) {
                blocks.add(new SectionBlock(SectionTree.link(root), inSection));
            }
        }
        return new FrontPage(lead, top, latest, blocks);
    }

    private static List<ArticleCard> take(List<ArticleCard> pool, Set<Long> shown, int max,
            Predicate<ArticleCard> filter) {
        List<ArticleCard> taken = new ArrayList<>();
        for (ArticleCard card : pool) {
            if (taken.size() == max) {
                break;
            }
            if (!shown.contains(card.id()) && filter.test(card)) {
                taken.add(card);
                shown.add(card.id());
            }
        }
        return taken;
    }
}
