package org.broadsheet.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.broadsheet.article.ArticleImports;
import org.broadsheet.article.SectionTrees;
import org.broadsheet.article.CorrectionKind;
import org.broadsheet.article.CorrectionService;
import org.broadsheet.demo.DemoArticles.DemoArticle;
import org.broadsheet.demo.DemoCatalogue.DemoAuthor;
import org.broadsheet.demo.DemoCatalogue.DemoSection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Fills an empty database with the demo site: sections, authors and articles (all fictional), with most dates
 * relative to the clock so that the front page, feeds and news sitemap always look fresh, and a few fixed archive
 * articles in British Summer Time and in winter time. Runs first, so that later demo loaders (accounts,
 * comments) find the articles in place.
 */
@Component
@Profile("demo")
@Order(0)
class DemoContent implements ApplicationRunner {

    /*
     * The Carrow Bay bridge story first went out under the slug "carrow-bay-harbour-bridge-to-close-for-six-months";
     * the closure is six weeks, so it is renamed to "carrow-bay-harbour-bridge-to-close-for-six-weeks" and the old
     * URL answers with a redirect to the new one, and a correction under it says why.
     */
    static final String RENAMED_FROM = "carrow-bay-harbour-bridge-to-close-for-six-months";
    static final String RENAMED_TO = "carrow-bay-harbour-bridge-to-close-for-six-weeks";

    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);

    /** Why the bridge story was renamed, as readers see it under the story and on /corrections. */
    static final String CORRECTION = "An earlier version of this article said the bridge would close for six months. "
            + "The closure is planned to last six weeks.";

    private final SectionTrees articles;
    private final ArticleImports imports;
    private final CorrectionService corrections;
    private final Clock clock;

    DemoContent(SectionTrees articles, ArticleImports imports, CorrectionService corrections, Clock clock) {
        this.articles = articles;
        this.imports = imports;
        this.corrections = corrections;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!articles.navigation().isEmpty()) {
            log.info("Demo content already loaded; leaving the database as it is");
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        for (DemoSection s : DemoCatalogue.SECTIONS) {
            imports.createSection(s.slug(), s.name(), s.description(), s.parent(), s.sortOrder());
        }
        for (DemoAuthor a : DemoCatalogue.AUTHORS) {
            imports.createAuthor(a.slug(), a.name(), a.roleTitle(), a.bio(), a.photoUrl());
        }
        List<DemoArticle> demo = DemoArticles.load();
        Map<String, Long> ids = new HashMap<>();
        for (DemoArticle article : demo) {
            ids.put(article.slug(), imports.createArticle(article.toCommand(now)));
        }
        Long renamed = ids.get(RENAMED_FROM);
        if (renamed == null) {
            throw new IllegalStateException("Demo article " + RENAMED_FROM + " is missing");
        }
        imports.changeSlug(renamed, RENAMED_TO);
        corrections.add(renamed, CorrectionKind.CORRECTION, CORRECTION, "editor");
        log.info("Loaded demo content: {} sections, {} authors, {} articles", DemoCatalogue.SECTIONS.size(),
                DemoCatalogue.AUTHORS.size(), demo.size());
    }
}
