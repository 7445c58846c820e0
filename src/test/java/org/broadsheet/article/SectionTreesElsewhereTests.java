package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;

import org.broadsheet.article.Views.ArticleCard;
import org.broadsheet.article.Views.SectionLink;
import org.broadsheet.shared.NotFoundException;
import org.broadsheet.support.InstancesHeard;
import org.broadsheet.support.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The reader's pages when sections change on another instance of the site: the section tree kept in memory is
 * read again when that instance says so (or when its messages may have been missed), and at once for an article
 * in a section it does not know yet. "Another instance" here is SQL written straight to the database, past the
 * catalogue's service, and its message delivered by {@link InstancesHeard}; {@code TwoInstancesTests} runs two.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({ MutableClock.Config.class, InstancesHeard.Config.class })
class SectionTreesElsewhereTests {

    @Autowired
    ArticleService articles;

    @Autowired
    FrontPages frontPages;

    @Autowired
    SectionTrees sectionTrees;

    @Autowired
    ArticleLists articleLists;

    @Autowired
    ArticleCards articleCards;

    @Autowired
    ArticleImports imports;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    InstancesHeard instances;

    @Autowired
    MockMvc mvc;

    ArticleTestData data;

    @BeforeEach
    void setUp() {
        data = new ArticleTestData(imports);
    }

    /** A section as another instance's editor saves it. */
    private long sectionSavedElsewhere(String slug) {
        jdbc.update("INSERT INTO section (slug, name, sort_order, version) VALUES (?, ?, 0, 0)", slug, "Sec " + slug);
        return jdbc.queryForObject("SELECT id FROM section WHERE slug = ?", Long.class, slug);
    }

    private String body(String url) throws Exception {
        return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void shouldTellTheOtherInstancesOfASectionSavedHere() {
        int before = instances.told().size();

        data.section(null);

        assertThat(instances.told().subList(before, instances.told().size()))
                .contains(SectionTrees.TOPIC + ":");
    }

    @Test
    void shouldShowASectionSavedOnAnotherInstanceOnceItSaysSo() throws Exception {
        sectionTrees.navigation(); // this instance now holds the section tree
        String slug = ArticleTestData.unique("elsewhere");
        sectionSavedElsewhere(slug);
        clock.advance(Duration.ofHours(1));
        assertThat(sectionTrees.navigation()).extracting(SectionLink::slug).as("kept until told").doesNotContain(slug);
        assertThatThrownBy(() -> articleLists.section(slug, 1)).isInstanceOf(NotFoundException.class);

        instances.deliver(SectionTrees.TOPIC, "");

        assertThat(sectionTrees.navigation()).extracting(SectionLink::slug).contains(slug);
        long id = data.article(slug, data.author()).save();
        assertThat(articleLists.section(slug, 1).articles().items()).extracting(ArticleCard::id).containsExactly(id);
        assertThat(body("/sections/" + slug)).contains("Sec " + slug);
    }

    @Test
    void shouldGiveArticlesTheAddressOfASectionRenamedOnAnotherInstanceWhenMessagesMayHaveBeenMissed() {
        String slug = data.section(null);
        long id = data.article(slug, data.author()).save();
        assertThat(articleCards.cardsFor(List.of(id)).get(0).url()).startsWith("/" + slug + "/");
        String renamed = ArticleTestData.unique("renamed");
        jdbc.update("UPDATE section SET slug = ?, version = version + 1 WHERE slug = ?", renamed, slug);
        assertThat(articleCards.cardsFor(List.of(id)).get(0).url()).startsWith("/" + slug + "/");

        instances.missed();

        ArticleCard card = articleCards.cardsFor(List.of(id)).get(0);
        assertThat(card.url()).startsWith("/" + renamed + "/");
        assertThat(card.section().slug()).isEqualTo(renamed);
    }

    @Test
    void shouldReadTheSectionsAgainAtOnceForAnArticleInASectionTheTreeDoesNotKnow() throws Exception {
        String home = data.section(null);
        String headline = "Filed elsewhere " + ArticleTestData.unique("h");
        long id = data.article(home, data.author()).headline(headline).publishedAt(clock.instant()).save();
        frontPages.frontPage(); // this instance now holds the section tree
        String slug = ArticleTestData.unique("moved-to");
        long moved = sectionSavedElsewhere(slug);
        // Another instance files the article under its new section (and empties its own caches only).
        jdbc.update("UPDATE article SET primary_section_id = ? WHERE id = ?", moved, id);

        // No waiting for the tree to grow old: the front page, the article and its section render at once.
        String front = body("/");
        ArticleCard card = articleCards.cardsFor(List.of(id)).get(0);
        assertThat(card.section().slug()).isEqualTo(slug);
        assertThat(card.url()).startsWith("/" + slug + "/");
        assertThat(front).contains(headline);
        assertThat(body(card.url())).contains(headline).contains("Sec " + slug);
        assertThat(body("/sections/" + slug)).contains(headline);
    }
}
