package org.broadsheet.article.web;

import java.time.Instant;
import java.util.List;

import org.broadsheet.article.Views.ArticleCard;
import org.broadsheet.article.Views.ArticlePage;
import org.broadsheet.article.Views.AuthorLink;
import org.broadsheet.article.Views.Lead;
import org.broadsheet.article.Views.SectionLink;
import org.broadsheet.article.Views.TagLink;
import org.broadsheet.shared.Datelines.Dateline;

/**
 * Ready-made page records for controller slices.
 */
public final class ArticleFixtures {

    static final SectionLink NEWS = new SectionLink(1, "news", "News", "/sections/news");
    static final SectionLink WORLD = new SectionLink(2, "world", "World", "/sections/world");
    static final AuthorLink ZOE = new AuthorLink(1, "zoe-ni-bhriain", "Zoë Ní Bhriain", "Europe correspondent",
            "/authors/zoe-ni-bhriain");
    static final AuthorLink SAM = new AuthorLink(2, "sam-okafor", "Sam Okafor", null, "/authors/sam-okafor");
    static final Dateline PUBLISHED = new Dateline("2021-05-06T17:24:00+01:00", "Thursday 06 May 2021 17:24 BST",
            "6 May 2021");
    static final Dateline UPDATED = new Dateline("2021-05-06T19:02:00+01:00", "Thursday 06 May 2021 19:02 BST",
            "6 May 2021");
    static final String URL = "/world/2021/05/06/harbour-bridge-reopens";

    private ArticleFixtures() {
    }

    static ArticleCard card(long id, String headline) {
        return card(id, headline, (int) id, true);
    }

    static ArticleCard card(long id, String headline, int commentCount, boolean commentsOpen) {
        return new ArticleCard(id, "/world/2021/05/0" + (id % 9 + 1) + "/story-" + id, headline, "Standfirst " + id,
                "News", WORLD, List.of(ZOE), PUBLISHED,
                new Lead("IMAGE", "/images/demo/x.jpg", "alt", null, null, null, null, 1200, 675), commentCount,
                commentsOpen, PUBLISHED.shortDisplay());
    }

    public static ArticlePage page(String headline, Lead lead, boolean commentsOpen) {
        return page(headline, lead, commentsOpen, List.of());
    }

    static ArticlePage page(String headline, Lead lead, boolean commentsOpen,
            List<org.broadsheet.article.Views.CorrectionNote> corrections) {
        return page(headline, lead, commentsOpen, 12, corrections);
    }

    static ArticlePage page(String headline, Lead lead, boolean commentsOpen, int commentCount,
            List<org.broadsheet.article.Views.CorrectionNote> corrections) {
        return new ArticlePage(7, "harbour-bridge-reopens", URL, headline, "The standfirst, in “quotes”.", "Analysis",
                List.of(NEWS, WORLD), List.of(), List.of(ZOE, SAM), PUBLISHED, UPDATED,
                Instant.parse("2021-05-06T18:02:00Z"), commentCount, commentsOpen, lead, "<p>Body <em>text</em>.</p>",
                List.of(new TagLink("transport", "Transport", "/tags/transport")), List.of(card(8, "Related one")),
                headline, "The standfirst, in “quotes”.", java.util.Set.of(),
                lead != null && lead.image() ? lead.url() : null, corrections);
    }

    static Lead image() {
        return new Lead("IMAGE", "/images/demo/bridge.jpg", "The bridge at dusk", "The bridge reopened on Thursday",
                "Photograph: Ana Ruiz", null, null, 1200, 675);
    }

    static Lead video() {
        return new Lead("VIDEO", "/media/demo/clip.mp4", null, "Traffic crossing the bridge", "Video: Broadsheet",
                "/media/demo/clip.jpg", "/media/demo/clip.vtt", 640, 360);
    }
}
