package org.broadsheet.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleLists;
import org.broadsheet.article.ArticleType;
import org.broadsheet.article.FeedScope;
import org.broadsheet.article.MarkdownRenderer;
import org.broadsheet.article.NewArticle;
import org.broadsheet.article.Views.ArticleCard;
import org.broadsheet.article.Views.CommentTarget;
import org.broadsheet.article.Views.Lead;
import org.broadsheet.comment.CommentText;
import org.broadsheet.demo.DemoArticles.DemoArticle;
import org.broadsheet.demo.DemoCatalogue.DemoAuthor;
import org.broadsheet.demo.DemoCatalogue.DemoSection;
import org.broadsheet.shared.Datelines;
import org.broadsheet.shared.SiteProperties;
import org.broadsheet.shared.Slugs;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Checks the demo content file and its media without starting Spring: what the demo loader would write, at a
 * fixed moment in winter and another in summer. The demo comments are checked on a started demo site.
 */
class DemoContentTests {

    private static final Instant WINTER_NOW = Instant.parse("2026-01-20T10:17:00Z");
    private static final Instant SUMMER_NOW = Instant.parse("2026-07-03T16:42:00Z");

    private final List<DemoArticle> articles = DemoArticles.load();
    private final Datelines datelines = new Datelines(new SiteProperties("Broadsheet", "d", "http://localhost:8080",
            ZoneId.of("Europe/London"), Duration.ZERO));

    @Test
    void shouldDescribeAtLeastFortyFourVisibleArticles() {
        for (Instant now : List.of(WINTER_NOW, SUMMER_NOW)) {
            assertThat(visible(now)).hasSizeGreaterThanOrEqualTo(44);
        }
    }

    @Test
    void shouldReferenceOnlyBundledMedia() {
        for (DemoArticle article : articles) {
            Lead lead = article.lead();
            if (lead == null) {
                continue;
            }
            assertThat(lead.kind()).isIn("IMAGE", "VIDEO");
            assertThat(exists(lead.url())).as("%s (line %d)", lead.url(), article.line()).isTrue();
            assertThat(lead.alt()).isNotBlank();
            assertThat(lead.caption()).isNotBlank();
            assertThat(lead.credit()).isNotBlank();
            assertThat(lead.width()).isPositive();
            assertThat(lead.height()).isPositive();
            if (lead.video()) {
                assertThat(lead.url()).startsWith("/media/demo/").endsWith(".mp4");
                assertThat(lead.posterUrl()).endsWith(".jpg");
                assertThat(exists(lead.posterUrl())).as(lead.posterUrl()).isTrue();
                assertThat(exists(lead.captionsUrl())).as(lead.captionsUrl()).isTrue();
            }
            else {
                assertThat(lead.url()).startsWith("/images/demo/").endsWith(".jpg");
            }
        }
        for (DemoAuthor author : DemoCatalogue.AUTHORS) {
            assertThat(exists(author.photoUrl())).as(author.photoUrl()).isTrue();
        }
    }

    @Test
    void shouldUseEveryBundledLeadImage() throws Exception {
        Set<String> used = articles.stream().map(DemoArticle::lead).filter(Objects::nonNull).map(Lead::url)
                .collect(Collectors.toSet());
        List<String> bundled;
        try (Stream<Path> files = Files.list(staticDirectory("images/demo"))) {
            // The pictures themselves, not their smaller versions (name-480.jpg) for srcset.
            bundled = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".jpg") && !n.matches(".*-\\d+\\.jpg"))
                    .map(n -> "/images/demo/" + n).toList();
        }
        assertThat(bundled).hasSizeBetween(16, 24);
        assertThat(used).containsAll(bundled);
    }

    @Test
    void shouldOfferEveryLeadPictureAndPosterInSmallerVersionsAndAsWebp() throws IOException {
        for (DemoArticle article : articles) {
            Lead lead = article.lead();
            if (lead == null) {
                continue;
            }
            String picture = lead.picture();
            Map<Integer, String> jpegs = candidates(lead.srcset());
            Map<Integer, String> webps = candidates(lead.webpSrcset());
            assertThat(jpegs.keySet()).as("%s (line %d)", picture, article.line()).hasSizeGreaterThanOrEqualTo(2)
                    .containsExactlyElementsOf(webps.keySet()).contains(lead.width());
            assertThat(jpegs.get(lead.width())).as("the widest is the picture itself").isEqualTo(picture);
            for (Map.Entry<Integer, String> jpeg : jpegs.entrySet()) {
                assertThat(jpeg.getValue()).endsWith(".jpg");
                assertThat(widthOf(bytes(jpeg.getValue()))).as(jpeg.getValue()).isEqualTo(jpeg.getKey());
            }
            for (Map.Entry<Integer, String> webp : webps.entrySet()) {
                byte[] bytes = bytes(webp.getValue());
                assertThat(webp.getValue()).endsWith(".webp");
                assertThat(new String(bytes, 0, 4, StandardCharsets.ISO_8859_1)
                        + new String(bytes, 8, 4, StandardCharsets.ISO_8859_1)).as(webp.getValue())
                        .isEqualTo("RIFFWEBP");
                assertThat(widthOf(bytes)).as(webp.getValue()).isEqualTo(webp.getKey());
            }
        }
    }

    /** A srcset's candidates by their width descriptors, in order. */
    private static Map<Integer, String> candidates(String srcset) {
        assertThat(srcset).isNotBlank();
        Map<Integer, String> candidates = new java.util.LinkedHashMap<>();
        for (String candidate : srcset.split(",\\s*")) {
            String[] parts = candidate.split(" ");
            assertThat(parts).hasSize(2);
            assertThat(parts[1]).matches("[0-9]+w");
            candidates.put(Integer.parseInt(parts[1].substring(0, parts[1].length() - 1)), parts[0]);
        }
        return candidates;
    }

    private static int widthOf(byte[] picture) throws IOException {
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(picture));
        assertThat(image).as("decodable").isNotNull();
        return image.getWidth();
    }

    private static byte[] bytes(String url) throws IOException {
        try (InputStream in = DemoContentTests.class.getClassLoader().getResourceAsStream("static" + url)) {
            assertThat(in).as(url).isNotNull();
            return in.readAllBytes();
        }
    }

    @Test
    void shouldKeepBundledMediaSmall() throws Exception {
        long total = 0;
        for (String dir : List.of("images/demo", "images/demo/authors", "media/demo")) {
            try (Stream<Path> files = Files.list(staticDirectory(dir))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    long size = Files.size(file);
                    String name = file.getFileName().toString();
                    long limit = name.endsWith(".mp4") ? 400_000 : 120_000;
                    assertThat(size).as(name).isLessThanOrEqualTo(limit);
                    total += size;
                }
            }
        }
        // Every picture and poster is there in smaller versions too, and each also as WebP (srcset): 2.2 MB of it.
        assertThat(total).isLessThan(4_500_000);
    }

    @Test
    void shouldOfferAtLeastTwoCaptionedVideos() throws IOException {
        List<Lead> videos = articles.stream().map(DemoArticle::lead).filter(l -> l != null && l.video()).toList();
        assertThat(videos).hasSizeGreaterThanOrEqualTo(2);
        for (Lead video : videos) {
            String captions = read(video.captionsUrl());
            assertThat(captions).startsWith("WEBVTT");
            assertThat(captions.lines().filter(l -> l.contains(" --> ")).count()).isBetween(2L, 4L);
        }
    }

    @Test
    void shouldKeepArchiveArticlesInBothSummerAndWinterTime() {
        List<Instant> fixed = articles.stream().filter(a -> a.published() instanceof DemoArticles.Fixed)
                .map(a -> a.publishedAt(WINTER_NOW)).toList();
        List<String> displays = fixed.stream().map(at -> datelines.of(at).display()).toList();
        assertThat(displays).contains("Thursday 06 May 2021 17:24 BST");
        assertThat(displays).anyMatch(d -> d.contains("January 2022") && d.endsWith("GMT"));
        assertThat(displays).anyMatch(d -> d.contains("July 2023") && d.endsWith("BST"));
        assertThat(displays).anyMatch(d -> d.contains("December 2024") && d.endsWith("GMT"));
    }

    @Test
    void shouldKeepTheFrontPageAndNewsSitemapFresh() {
        for (Instant now : List.of(WINTER_NOW, SUMMER_NOW)) {
            List<NewArticle> visible = visible(now);
            List<Instant> relative = articles.stream().filter(a -> a.published() instanceof DemoArticles.Relative)
                    .map(a -> a.publishedAt(now)).filter(at -> !at.isAfter(now)).toList();
            assertThat(relative).allMatch(at -> at.isAfter(now.minus(Duration.ofDays(7 * 12 + 3))));
            assertThat(relative).filteredOn(at -> at.isAfter(now.minus(Duration.ofHours(36))))
                    .hasSizeGreaterThanOrEqualTo(4);
            assertThat(relative).anyMatch(at -> at.isAfter(now.minus(Duration.ofHours(1))));
            List<NewArticle> updated = visible.stream().filter(a -> a.updatedAt() != null).toList();
            assertThat(updated).hasSizeGreaterThanOrEqualTo(3);
            assertThat(updated).allMatch(a -> a.updatedAt().isAfter(a.publishedAt()) && !a.updatedAt().isAfter(now));
        }
    }

    @Test
    void shouldHideDraftsAndScheduledArticlesFromReaders() {
        List<NewArticle> all = commands(WINTER_NOW);
        assertThat(all).filteredOn(a -> a.publishedAt() == null).hasSizeGreaterThanOrEqualTo(2);
        assertThat(all).filteredOn(a -> a.publishedAt() != null && a.publishedAt().isAfter(WINTER_NOW))
                .extracting(NewArticle::publishedAt).containsExactly(WINTER_NOW.plus(Duration.ofDays(2)));
    }

    @Test
    void shouldBuildASmallSectionHierarchy() {
        List<DemoSection> sections = DemoCatalogue.SECTIONS;
        assertThat(sections).hasSizeGreaterThanOrEqualTo(7);
        Map<String, DemoSection> bySlug = sections.stream()
                .collect(Collectors.toMap(DemoSection::slug, Function.identity()));
        assertThat(bySlug.get("europe").parent()).isEqualTo("world");
        assertThat(bySlug.get("world").parent()).isEqualTo("news");
        assertThat(bySlug.get("science").name()).isEqualTo("Science & Technology");
        Set<String> seen = new HashSet<>();
        for (DemoSection s : sections) {
            assertThat(s.parent() == null || seen.contains(s.parent())).as("parent of %s first", s.slug()).isTrue();
            assertThat(Slugs.isValid(s.slug())).isTrue();
            seen.add(s.slug());
        }
        assertThat(sections.stream().filter(s -> s.parent() == null).map(DemoSection::sortOrder).distinct().count())
                .isEqualTo(sections.stream().filter(s -> s.parent() == null).count());
    }

    @Test
    void shouldFillEveryFrontPageBlock() {
        Map<String, String> parents = DemoCatalogue.SECTIONS.stream().filter(s -> s.parent() != null)
                .collect(Collectors.toMap(DemoSection::slug, DemoSection::parent));
        Map<String, Integer> perRoot = new HashMap<>();
        for (NewArticle article : visible(WINTER_NOW)) {
            String root = article.primarySection();
            while (parents.containsKey(root)) {
                root = parents.get(root);
            }
            perRoot.merge(root, 1, Integer::sum);
        }
        DemoCatalogue.SECTIONS.stream().filter(s -> s.parent() == null)
                .forEach(s -> assertThat(perRoot.getOrDefault(s.slug(), 0)).as(s.slug()).isGreaterThanOrEqualTo(4));
    }

    @Test
    void shouldCreditKnownAuthorsWithPortraitsAndBios() {
        assertThat(DemoCatalogue.AUTHORS).hasSizeGreaterThanOrEqualTo(9);
        assertThat(DemoCatalogue.AUTHORS).extracting(DemoAuthor::name)
                .contains("Zoë Ní Bhriain", "Mateusz Łukasiewicz", "Chiara Bellandi", "Oluwaseun Adébáyọ̀");
        for (DemoAuthor author : DemoCatalogue.AUTHORS) {
            assertThat(author.slug()).isEqualTo(Slugs.of(author.name()));
            assertThat(author.bio().split("\\. ")).hasSizeBetween(2, 3);
            assertThat(author.bio().length()).isLessThanOrEqualTo(2000);
        }
        Set<String> known = DemoCatalogue.AUTHORS.stream().map(DemoAuthor::slug).collect(Collectors.toSet());
        Set<String> sections = DemoCatalogue.SECTIONS.stream().map(DemoSection::slug).collect(Collectors.toSet());
        for (DemoArticle article : articles) {
            assertThat(article.authors()).hasSizeBetween(1, 3).allMatch(known::contains);
            assertThat(article.sections()).allMatch(sections::contains).doesNotHaveDuplicates();
        }
        assertThat(articles).filteredOn(a -> a.authors().size() > 1).hasSizeGreaterThanOrEqualTo(5);
        Set<String> bylined = articles.stream().flatMap(a -> a.authors().stream()).collect(Collectors.toSet());
        assertThat(bylined).containsAll(known);
    }

    @Test
    void shouldTagFromASharedVocabulary() {
        Map<String, Long> uses = visible(WINTER_NOW).stream().flatMap(a -> a.tags().stream())
                .collect(Collectors.groupingBy(Slugs::of, Collectors.counting()));
        assertThat(uses.size()).isBetween(16, 26);
        assertThat(uses).allSatisfy((tag, count) -> assertThat(count).as(tag).isGreaterThanOrEqualTo(3));
        assertThat(articles).allSatisfy(a -> assertThat(a.tags()).hasSizeBetween(2, 5).doesNotHaveDuplicates());
    }

    @Test
    void shouldMixArticleTypesAndCommentSettings() {
        assertThat(articles.stream().map(DemoArticle::type).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(ArticleType.values());
        assertThat(articles).filteredOn(a -> !a.commentsOpen()).hasSizeBetween(2, 8);
        assertThat(articles).filteredOn(a -> a.sections().size() > 1).hasSizeGreaterThanOrEqualTo(5);
        assertThat(articles).filteredOn(a -> a.lead() != null && a.lead().image())
                .hasSizeGreaterThan(articles.size() * 2 / 3);
    }

    @Test
    void shouldGiveEveryArticleAUniqueValidSlug() {
        List<String> slugs = articles.stream().map(DemoArticle::slug).toList();
        assertThat(slugs).doesNotHaveDuplicates().allMatch(Slugs::isValid).allMatch(s -> s.length() <= 160);
        assertThat(slugs).contains(DemoContent.RENAMED_FROM).doesNotContain(DemoContent.RENAMED_TO);
        assertThat(Slugs.isValid(DemoContent.RENAMED_TO)).isTrue();
    }

    @Test
    void shouldFitTheDatabaseColumns() {
        for (NewArticle a : commands(SUMMER_NOW)) {
            assertThat(a.headline()).hasSizeLessThanOrEqualTo(300);
            assertThat(a.standfirst()).isNotBlank().hasSizeLessThanOrEqualTo(600);
            if (a.lead() != null) {
                assertThat(a.lead().alt()).hasSizeLessThanOrEqualTo(300);
                assertThat(a.lead().caption()).hasSizeLessThanOrEqualTo(500);
                assertThat(a.lead().credit()).hasSizeLessThanOrEqualTo(200);
            }
        }
    }

    @Test
    void shouldWriteWholeArticlesInMarkdown() {
        MarkdownRenderer renderer = new MarkdownRenderer();
        List<String> html = new ArrayList<>();
        for (NewArticle a : visible(SUMMER_NOW)) {
            assertThat(a.bodyMarkdown()).doesNotContain("{time", "{weekday");
            long paragraphs = Arrays.stream(a.bodyMarkdown().split("\n\\s*\n"))
                    .filter(block -> !block.startsWith("#") && !block.startsWith("|")).count();
            assertThat(paragraphs).as(a.headline()).isBetween(4L, 14L);
            html.add(renderer.render(a.bodyMarkdown()).html());
        }
        assertThat(html).filteredOn(h -> h.contains("<h2>")).hasSizeGreaterThan(html.size() / 2);
        assertThat(html).filteredOn(h -> h.contains("<blockquote>")).hasSizeGreaterThanOrEqualTo(10);
        assertThat(html).filteredOn(h -> h.contains("<ul>") || h.contains("<ol>")).hasSizeGreaterThanOrEqualTo(5);
        assertThat(html).filteredOn(h -> h.contains("<a href=\"/")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(html).filteredOn(h -> h.contains("<table>")).isNotEmpty();
    }

    @Test
    void shouldPrintTypographicPunctuationAndAccentedNames() {
        assertThat(articles).anySatisfy(a -> {
            assertThat(a.headline()).contains("‘", "’", "—", "Bjørn", "Ångström");
            assertThat(a.body()).contains("“", "”", "—", "São Paulo", "Dvořák", "Zoë");
        });
    }

    @Test
    void shouldPrintLiveBlogTimesInLondonTime() {
        DemoArticle live = articles.stream().filter(a -> a.type() == ArticleType.LIVE)
                .filter(a -> a.published() instanceof DemoArticles.Relative).findFirst().orElseThrow();
        Instant published = live.publishedAt(SUMMER_NOW);
        String first = String.format("%tR", ZonedDateTime.ofInstant(published, ZoneId.of("Europe/London")));
        assertThat(live.bodyAt(SUMMER_NOW)).contains("## " + first + " ");
        for (Instant now : List.of(WINTER_NOW, SUMMER_NOW)) {
            DemoArticle results = articles.stream().filter(a -> a.type() == ArticleType.LIVE)
                    .filter(a -> a.headline().contains("mayoral")).findFirst().orElseThrow();
            assertThat(results.bodyAt(now)).contains("## 22:00 Polls have closed", "## 04:00 That’s all from us");
        }
    }

    @Test
    void shouldWriteVariedCommentTextsWithinTheLimits() {
        DemoComments.Texts texts = DemoComments.texts();
        assertThat(texts.byKind()).containsOnlyKeys("top", "reply", "author", "moderator", "editor", "opener",
                "closer");
        assertThat(texts.of("top")).hasSizeGreaterThanOrEqualTo(60);
        assertThat(texts.of("reply")).hasSizeGreaterThanOrEqualTo(40);
        assertThat(texts.of("author")).hasSizeGreaterThanOrEqualTo(5);
        List<String> all = texts.byKind().values().stream().flatMap(List::stream).toList();
        assertThat(all).doesNotHaveDuplicates().allSatisfy(text -> {
            assertThat(text).isNotBlank().hasSizeLessThanOrEqualTo(1_000).isEqualTo(CommentText.normalise(text));
            assertThat(CommentText.links(text)).hasSizeLessThanOrEqualTo(CommentText.MAX_LINKS)
                    .allMatch(link -> link.matches("https://example\\.(org|com|net)/.*"));
        });
        assertThat(all).filteredOn(t -> t.contains("\n\n")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(all).filteredOn(t -> !CommentText.links(t).isEmpty()).hasSizeGreaterThanOrEqualTo(4);
        assertThat(all).anyMatch(t -> CommentText.links(t).size() == CommentText.MAX_LINKS);
        assertThat(all).anyMatch(t -> t.contains("“")).anyMatch(t -> t.contains("é") || t.contains("ç"));
        assertThat(DemoComments.READERS).hasSizeGreaterThanOrEqualTo(20)
                .allMatch(r -> r.username().matches("[a-z0-9_-]{3,30}") && r.displayName().length() <= 60);
        assertThat(DemoCatalogue.AUTHORS).extracting(DemoAuthor::slug).contains(DemoComments.JOURNALIST);
    }

    /** The conversations the demo site starts with (default "demo" profile, a database of its own). */
    @Nested
    @SpringBootTest
    class OnTheDemoSite {

        @Autowired
        ArticleService articleService;

        @Autowired
        ArticleLists articleLists;

        @Autowired
        DemoComments demoComments;

        @Autowired
        JdbcTemplate jdbc;

        @Autowired
        Clock clock;

        @Test
        void shouldGiveTheDemoReaderFollowersFollowsAndUnreadNotifications(
                @Autowired org.broadsheet.notification.NotificationService notifications,
                @Autowired org.broadsheet.following.FollowService follows,
                @Autowired org.broadsheet.account.AccountService accounts) {
            long reader = accounts.idOf("reader").orElseThrow();
            org.broadsheet.support.DurableEventsSettled.await(jdbc);

            assertThat(follows.counts(reader).followers()).isGreaterThanOrEqualTo(5);
            assertThat(follows.counts(reader).following()).isEqualTo(3);
            assertThat(follows.feed(reader, 1).items()).isNotEmpty();
            assertThat(count("select count(*) from story_follow")).isGreaterThanOrEqualTo(2);
            var told = notifications.page(reader, 1).items();
            assertThat(told).allMatch(org.broadsheet.notification.NotificationService.NotificationView::unread);
            assertThat(told).extracting(org.broadsheet.notification.NotificationService.NotificationView::kind)
                    .contains(org.broadsheet.notification.NotificationKind.REPLY,
                            org.broadsheet.notification.NotificationKind.FOLLOWED_COMMENT,
                            org.broadsheet.notification.NotificationKind.CORRECTION);
            assertThat(notifications.unreadCount(reader)).isEqualTo(told.size());
        }

        @Test
        void shouldCorrectTheRenamedBridgeStory() {
            assertThat(jdbc.queryForList("select c.note from article_correction c join article a on a.id = c.article_id"
                    + " where a.slug = ? and c.kind = 'CORRECTION'", String.class, DemoContent.RENAMED_TO))
                    .containsExactly(DemoContent.CORRECTION);
        }

        @Test
        void shouldStartConversationsUnderMostArticlesAndFiveHundredCommentsUnderTheNewest() {
            Instant now = clock.instant();
            List<ArticleCard> cards = articleLists.latest(FeedScope.site(), 1_000);
            List<CommentTarget> targets = cards.stream().map(c -> articleService.commentTarget(c.id()).orElseThrow())
                    .toList();
            List<CommentTarget> open = targets.stream().filter(CommentTarget::commentsOpen).toList();
            CommentTarget busiest = open.get(0);
            assertThat(busiest.id()).isEqualTo(demoComments.targets(now).get(0).id());
            assertThat(busiest.commentCount()).isEqualTo(DemoComments.BUSIEST);
            assertThat(count("select count(*) from comment where article_id = ? and depth = 0", busiest.id()))
                    .as("threads, 20 to a page").isGreaterThan(60);
            assertThat(targets).filteredOn(t -> !t.commentsOpen()).allMatch(t -> t.commentCount() == 0);
            assertThat(open).filteredOn(t -> t.commentCount() > 0).hasSizeGreaterThanOrEqualTo(open.size() * 4 / 5)
                    .hasSizeLessThan(open.size());
            int others = open.stream().filter(t -> t.id() != busiest.id()).mapToInt(CommentTarget::commentCount).sum();
            assertThat(others).isBetween(200, 1_500);

            assertThat(count("""
                    select count(*) from article a where a.comment_count <> (select count(*) from comment c
                      where c.article_id = a.id and c.status = 'VISIBLE')""")).isZero();
            assertThat(count("select max(depth) from comment")).isEqualTo(DemoComments.MAX_DEPTH);
            assertThat(count("select count(distinct root_id) from comment where depth > 3")).isGreaterThan(5);
            assertThat(count("select count(*) from comment c join comment p on p.id = c.parent_id "
                    + "where c.created_at <= p.created_at or c.root_id <> p.root_id")).isZero();
            assertThat(count("select count(*) from comment c join article a on a.id = c.article_id "
                    + "where c.created_at <= a.published_at or c.created_at > ?", now)).isZero();
            assertThat(count("select count(distinct article_id) from comment where created_at > ?",
                    now.minus(Duration.ofDays(1)))).as("Most discussed").isGreaterThanOrEqualTo(5);
            assertThat(count("select count(distinct author_id) from comment")).isGreaterThanOrEqualTo(25);
            assertThat(count("select count(*) from comment where edited_at is not null")).isPositive();
        }

        @Test
        void shouldRecommendOtherReadersCommentsAndBadgeTheColumnist() {
            assertThat(count("select count(*) from comment where recommend_count > 0")).isGreaterThan(300);
            assertThat(count("select max(recommend_count) from comment")).isBetween(10L, 20L);
            assertThat(count("select count(*) from comment_recommendation r join comment c on c.id = r.comment_id "
                    + "where r.account_id = c.author_id")).isZero();
            assertThat(count("""
                    select count(*) from comment c where c.recommend_count <> (select count(*)
                      from comment_recommendation r where r.comment_id = c.id)""")).isZero();

            long columnist = count("select account_id from author where slug = ?", DemoComments.JOURNALIST);
            List<Long> ownArticles = jdbc.queryForList(
                    "select distinct article_id from comment where author_id = ?", Long.class, columnist);
            assertThat(ownArticles).hasSizeGreaterThanOrEqualTo(3).allSatisfy(id -> assertThat(
                    articleService.commentTarget(id).orElseThrow().authorAccountIds()).contains(columnist));
            assertThat(count("select count(*) from comment c join account a on a.id = c.author_id "
                    + "where a.username in ('editor', 'moderator') and c.depth > 0")).isGreaterThanOrEqualTo(2);
        }

        @Test
        void shouldLeaveLoadedCommentsAsTheyAre() {
            long before = count("select count(*) from comment");
            demoComments.run(null);
            assertThat(count("select count(*) from comment")).isEqualTo(before);
        }

        private long count(String sql, Object... args) {
            Long count = jdbc.queryForObject(sql, Long.class, args);
            return count == null ? 0 : count;
        }
    }

    private List<NewArticle> commands(Instant now) {
        return articles.stream().map(a -> a.toCommand(now)).toList();
    }

    private List<NewArticle> visible(Instant now) {
        return commands(now).stream().filter(a -> a.publishedAt() != null && !a.publishedAt().isAfter(now))
                .toList();
    }

    private static boolean exists(String url) {
        return url != null && url.startsWith("/")
                && DemoContentTests.class.getClassLoader().getResource("static" + url) != null;
    }

    private static String read(String url) throws IOException {
        try (InputStream in = DemoContentTests.class.getClassLoader().getResourceAsStream("static" + url)) {
            assertThat(in).as(url).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Path staticDirectory(String dir) throws URISyntaxException {
        URL url = DemoContentTests.class.getClassLoader().getResource("static/" + dir);
        assertThat(url).as(dir).isNotNull();
        return Path.of(url.toURI());
    }
}
