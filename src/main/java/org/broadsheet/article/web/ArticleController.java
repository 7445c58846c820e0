package org.broadsheet.article.web;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.broadsheet.article.ArticleDiscussion;
import org.broadsheet.article.ArticleLookup;
import org.broadsheet.article.ArticleCards;
import org.broadsheet.article.ArticleLists;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.FrontPages;
import org.broadsheet.article.Views.ArticlePage;
import org.broadsheet.article.Views.ArticleCard;
import org.broadsheet.article.Views.FrontPage;
import org.broadsheet.pages.CacheablePage;
import org.broadsheet.pages.PageTags;
import org.broadsheet.shared.ContentChangedEvent;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.view.RedirectView;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The reader's pages: front page, articles, sections, authors and tags.
 */
@Controller
@CacheablePage
class ArticleController {

    static final String FRONT_VIEW = "article/front";
    static final String ARTICLE_VIEW = "article/article";
    static final String SECTION_VIEW = "article/section";
    static final String AUTHOR_VIEW = "article/author";
    static final String TAG_VIEW = "article/tag";

    static final int MOST_DISCUSSED = 5;

    private final ArticleService articles;
    private final FrontPages frontPages;
    private final ArticleLists lists;
    private final ArticleCards cards;
    private final StructuredData structuredData;
    private final ObjectProvider<ArticleDiscussion> discussion;
    private final Clock clock;

    ArticleController(ArticleService articles, FrontPages frontPages, ArticleLists lists, ArticleCards cards,
            StructuredData structuredData, ObjectProvider<ArticleDiscussion> discussion, Clock clock) {
        this.articles = articles;
        this.frontPages = frontPages;
        this.lists = lists;
        this.cards = cards;
        this.structuredData = structuredData;
        this.discussion = discussion;
        this.clock = clock;
    }

    @GetMapping("/")
    String front(Model model) {
        FrontPage front = frontPages.frontPage();
        model.addAttribute("front", front);
        ArticleDiscussion comments = discussion.getIfAvailable();
        List<ArticleCard> mostDiscussed = comments == null ? List.of()
                : cards.cardsFor(comments.mostDiscussed(clock.instant().minus(Duration.ofDays(1)), MOST_DISCUSSED));
        model.addAttribute("mostDiscussed", mostDiscussed);
        model.addAttribute("picks", comments == null || mostDiscussed.isEmpty() ? java.util.Map.of()
                : comments.picks(mostDiscussed.stream().map(ArticleCard::id).toList()));
        PageTags.add(ContentChangedEvent.LISTS, ContentChangedEvent.MOST_DISCUSSED);
        tag(front.all());
        tag(mostDiscussed);
        return FRONT_VIEW;
    }

    @GetMapping("/{section}/{year:\\d{4}}/{month:\\d{2}}/{day:\\d{2}}/{slug}")
    Object article(@PathVariable String slug, @RequestParam(defaultValue = ArticleDiscussion.DEFAULT_ORDER) String sort,
            HttpServletRequest request, Model model) {
        ArticleLookup lookup = articles.article(slug);
        if (lookup instanceof ArticleLookup.Moved moved) {
            return permanentRedirect(moved.url());
        }
        ArticlePage page = ((ArticleLookup.Found) lookup).page();
        if (!page.url().equals(request.getRequestURI())) {
            return permanentRedirect(page.url());
        }
        model.addAttribute("article", page);
        model.addAttribute("jsonLd", structuredData.newsArticle(page));
        PageTags.add(ContentChangedEvent.article(page.id()));
        tag(page.related());
        ArticleDiscussion comments = discussion.getIfAvailable();
        if (comments != null) {
            try {
                model.addAttribute("discussion", comments.firstPage(page, sort));
            } catch (ArticleDiscussion.UnknownOrderException e) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown comment order");
            }
        }
        return ARTICLE_VIEW;
    }

    @GetMapping("/sections/{slug}")
    String section(@PathVariable String slug, @RequestParam(defaultValue = "1") int page, Model model) {
        var shown = lists.section(slug, Pages.check(page));
        model.addAttribute("page", shown);
        PageTags.add(ContentChangedEvent.LISTS);
        tag(shown.articles().items());
        return SECTION_VIEW;
    }

    @GetMapping("/authors/{slug}")
    String author(@PathVariable String slug, @RequestParam(defaultValue = "1") int page, Model model) {
        var shown = lists.author(slug, Pages.check(page));
        model.addAttribute("page", shown);
        PageTags.add(ContentChangedEvent.LISTS);
        tag(shown.articles().items());
        return AUTHOR_VIEW;
    }

    @GetMapping("/tags/{slug}")
    String tag(@PathVariable String slug, @RequestParam(defaultValue = "1") int page, Model model) {
        var shown = lists.tag(slug, Pages.check(page));
        model.addAttribute("page", shown);
        PageTags.add(ContentChangedEvent.LISTS);
        tag(shown.articles().items());
        return TAG_VIEW;
    }

    /** The page shows these articles' cards: a change to one of them (its comments counted) renders it again. */
    private static void tag(List<ArticleCard> cards) {
        PageTags.add(cards.stream().map(card -> ContentChangedEvent.article(card.id())).toList());
    }

    private static RedirectView permanentRedirect(String url) {
        RedirectView view = new RedirectView(url, true);
        view.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
        view.setExposeModelAttributes(false);
        return view;
    }
}
