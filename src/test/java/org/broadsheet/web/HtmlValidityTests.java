package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.assertj.core.api.SoftAssertions;
import org.broadsheet.account.AccountService;
import org.broadsheet.account.AccountUser;
import org.broadsheet.comment.CommentPosting;
import org.broadsheet.comment.IgnoredReaders;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import nu.validator.checker.CspEnforcementChecker;
import nu.validator.checker.DuplicateDtChecker;
import nu.validator.checker.HeadingHierarchyChecker;
import nu.validator.checker.MicrodataChecker;
import nu.validator.checker.NormalizationChecker;
import nu.validator.checker.SpeculationRulesChecker;
import nu.validator.checker.TextContentChecker;
import nu.validator.checker.UncheckedSubtreeWarner;
import nu.validator.checker.UsemapChecker;
import nu.validator.checker.XmlPiChecker;
import nu.validator.checker.jing.CheckerSchema;
import nu.validator.checker.jing.CheckerValidator;
import nu.validator.checker.table.TableChecker;
import nu.validator.htmlparser.common.Heuristics;
import nu.validator.htmlparser.common.XmlViolationPolicy;
import nu.validator.htmlparser.sax.HtmlParser;
import nu.validator.localentities.LocalCacheEntityResolver;
import nu.validator.vendor.thaiopensource.relaxng.impl.CombineValidator;
import nu.validator.vendor.thaiopensource.util.PropertyMap;
import nu.validator.vendor.thaiopensource.util.PropertyMapBuilder;
import nu.validator.vendor.thaiopensource.validate.Schema;
import nu.validator.vendor.thaiopensource.validate.ValidateProperty;
import nu.validator.vendor.thaiopensource.validate.Validator;
import nu.validator.vendor.thaiopensource.validate.prop.rng.RngProperty;
import nu.validator.vendor.thaiopensource.validate.rng.CompactSchemaReader;
import nu.validator.xml.AttributesPermutingXMLReaderWrapper;
import nu.validator.xml.NullEntityResolver;
import nu.validator.xml.ariaattributes.AriaAttributeDroppingSchemaWrapper;
import nu.validator.xml.customelements.NamespaceChangingSchemaWrapper;
import nu.validator.xml.dataattributes.DataAttributeDroppingSchemaWrapper;
import nu.validator.xml.langattributes.XmlLangAttributeDroppingSchemaWrapper;
import nu.validator.xml.roleattributes.RoleAttributeFilteringSchemaWrapper;
import nu.validator.xml.templateelement.TemplateElementDroppingSchemaWrapper;

/**
 * The reader's pages, rendered from the demo content on the default profile, are valid HTML (the Nu HTML Checker
 * finds no errors) and meet the site's accessibility and Content-Security-Policy rules: one {@code h1}, landmarks,
 * a skip link, labelled navigation and form controls, text alternatives, no inline style or script, unique ids.
 *
 * <p>The URLs are not hard-coded: they are found the way a reader finds them, from the front page, the sections'
 * pages and the articles' bylines and topics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HtmlValidityTests {

    /** The kinds of page a reader sees; each is found on the demo site and checked on its own. */
    enum PageKind {
        FRONT, ARTICLE_WITH_IMAGE, ARTICLE_WITH_VIDEO, SECTION, SECTION_PAGE_2, AUTHOR, TAG, SEARCH, EMPTY_SEARCH,
        NOT_FOUND, COMMENTS_PAGE_2, COMMENT_PERMALINK
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService userDetails;

    @Autowired
    AccountService accounts;

    @Autowired
    CommentPosting posting;

    @Autowired
    IgnoredReaders ignoredReaders;

    @Autowired
    org.broadsheet.article.CorrectionService corrections;

    @LocalServerPort
    int port;

    private final Map<PageKind, String> urls = new EnumMap<>(PageKind.class);

    private final Map<String, Document> fetched = new HashMap<>();

    @ParameterizedTest(name = "{0}")
    @EnumSource(PageKind.class)
    void pageShouldBeValidAndAccessible(PageKind kind) throws Exception {
        String url = url(kind);
        String html = kind == PageKind.NOT_FOUND ? notFoundPage(url) : page(url);
        SoftAssertions softly = new SoftAssertions();
        check(softly, kind + " " + url, html);
        softly.assertAll();
    }

    /** Article bodies come from Markdown: every published article reachable from the sections is checked too. */
    @Test
    void everyArticleShouldBeValidAndAccessible() throws Exception {
        Set<String> articles = articleUrls();
        assertThat(articles).hasSizeGreaterThan(20);
        SoftAssertions softly = new SoftAssertions();
        for (String url : articles) {
            check(softly, url, page(url));
        }
        softly.assertAll();
    }

    /**
     * The comment pages as a signed-in reader sees them: the article with the comment box and the actions on each
     * comment, a permalink, the reply, edit, delete and report pages, a refused comment and the ignore list.
     */
    @Test
    void commentPagesShouldBeValidAndAccessibleForASignedInReader() throws Exception {
        AccountUser reader = (AccountUser) userDetails.loadUserByUsername("reader");
        long moderator = accounts.idOf("moderator").orElseThrow();
        String articleUrl = firstArticle(".join-forum", "an article open for comments");
        long articleId = Long.parseLong(document(articleUrl).select(".discussion").attr("data-article-id"));
        long theirs = posting.post(moderator, articleId, null, "A word from the moderators, " + port + ".",
                "html-validity-" + port).id();
        long mine = posting.post(reader.id(), articleId, theirs, "A reply from the demo reader, " + port + ".",
                "html-validity-reply-" + port).id();
        ignoredReaders.ignoreAuthorOf(reader.id(), theirs);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put(articleUrl, signedInPage(reader, articleUrl, 200));
        pages.put("/comments/" + mine, signedInPage(reader, "/comments/" + mine, 200));
        pages.put("/comments/" + theirs + "/reply", signedInPage(reader, "/comments/" + theirs + "/reply", 200));
        pages.put("/comments/" + theirs + "/report", signedInPage(reader, "/comments/" + theirs + "/report", 200));
        pages.put("/comments/" + mine + "/edit", signedInPage(reader, "/comments/" + mine + "/edit", 200));
        pages.put("/comments/" + mine + "/delete", signedInPage(reader, "/comments/" + mine + "/delete", 200));
        pages.put("/account/ignored", signedInPage(reader, "/account/ignored", 200));
        String refused = mvc.perform(post("/articles/" + articleId + "/comments").with(user(reader)).with(csrf())
                .param("text", "").param("key", "refused-" + port)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        pages.put("refused comment", refused);
        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            check(softly, "signed in: " + page.getKey(), page.getValue());
        }
        softly.assertAll();
        Document article = Jsoup.parse(pages.get(articleUrl));
        assertThat(article.select("form#comment-form textarea")).hasSize(1);
        assertThat(Jsoup.parse(pages.get("/comments/" + mine)).select("li.comment.highlighted")).hasSize(1);
        assertThat(Jsoup.parse(refused).select("p.error").text()).isNotBlank();
    }

    /**
     * The moderation desk as the demo moderator finds it (every queue, one comment with a refused rejection, a
     * suspended reader's history, the rules), an article page with the moderator's tools and an editors' pick,
     * and what the demo reader sees of a comment of theirs that was removed: in place, on "My comments" and on
     * the review page.
     */
    @Test
    void moderationPagesShouldBeValidAndAccessible(@Autowired org.broadsheet.comment.CommentDecisions decisions,
            @Autowired org.broadsheet.comment.ModerationQueues queues,
            @Autowired org.springframework.jdbc.core.JdbcTemplate jdbc) throws Exception {
        AccountUser moderator = (AccountUser) userDetails.loadUserByUsername("moderator");
        AccountUser reader = (AccountUser) userDetails.loadUserByUsername("reader");
        String articleUrl = firstArticle(".join-forum", "an article open for comments");
        long articleId = Long.parseLong(document(articleUrl).select(".discussion").attr("data-article-id"));
        long removed = posting.post(reader.id(), articleId, null, "A comment to remove, " + port + ".",
                "html-validity-removed-" + port).id();
        decisions.reject(removed, queues.version(removed), org.broadsheet.comment.RejectReason.OFF_TOPIC,
                "Please keep to the article.", "moderator");
        long picked = posting.post(accounts.idOf("editor").orElseThrow(), articleId, null,
                "A comment worth picking, " + port + ".", "html-validity-picked-" + port).id();
        decisions.pick(picked, true, "moderator");
        var pending = queues.page(org.broadsheet.comment.ModerationQueues.Queue.PENDING,
                org.broadsheet.comment.ModerationQueues.Filter.NONE,
                org.broadsheet.comment.ModerationQueues.Order.NEWEST, 1);
        assertThat(pending.items()).as("the demo's pending comments").isNotEmpty();
        long waiting = pending.items().get(0).id();
        String suspended = jdbc.queryForObject("SELECT a.username FROM sanction s JOIN account a ON a.id = "
                + "s.account_id WHERE s.kind = 'SUSPENSION' ORDER BY s.id FETCH FIRST 1 ROWS ONLY", String.class);
        Map<String, String> pages = new LinkedHashMap<>();
        for (String tab : List.of("pending", "reported", "approved", "rejected", "reviews")) {
            pages.put("/admin/moderation?tab=" + tab, signedInPage(moderator, "/admin/moderation?tab=" + tab, 200));
        }
        pages.put("/admin/moderation/comments/" + waiting, signedInPage(moderator,
                "/admin/moderation/comments/" + waiting, 200));
        pages.put("refused rejection", mvc.perform(post("/admin/moderation/comments/" + waiting + "/reject")
                .with(user(moderator)).with(csrf()).param("version", "0").param("note", "No reason given"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        pages.put("/admin/moderation/readers/" + suspended, signedInPage(moderator,
                "/admin/moderation/readers/" + suspended, 200));
        pages.put("/admin/moderation/rules", signedInPage(moderator, "/admin/moderation/rules", 200));
        pages.put("moderator: " + articleUrl, signedInPage(moderator, articleUrl, 200));
        pages.put("reader: " + articleUrl, signedInPage(reader, articleUrl, 200));
        pages.put("/account/comments", signedInPage(reader, "/account/comments", 200));
        pages.put("/comments/" + removed + "/review", signedInPage(reader, "/comments/" + removed + "/review", 200));
        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            check(softly, page.getKey(), page.getValue());
        }
        softly.assertAll();
        assertThat(Jsoup.parse(pages.get("refused rejection")).select("#reason-error").text()).isNotBlank();
        assertThat(Jsoup.parse(pages.get("/admin/moderation/rules")).select(".premoderated-list li"))
                .as("the demo's pre-moderated article, with its switch").isNotEmpty();
        Document forModerator = Jsoup.parse(pages.get("moderator: " + articleUrl));
        assertThat(forModerator.select("aside.moderator-tools")).hasSize(1);
        assertThat(forModerator.select(".editors-picks li")).isNotEmpty();
        Document forReader = Jsoup.parse(pages.get("reader: " + articleUrl));
        assertThat(forReader.select(".own-removed").text()).contains("A comment to remove").contains("off-topic");
        assertThat(forReader.select("aside.moderator-tools")).isEmpty();
        Document forAnyone = Jsoup.parse(page(articleUrl));
        assertThat(forAnyone.select(".own-removed")).as("nobody else sees the text").isEmpty();
        assertThat(forAnyone.select("#comment-" + removed + " .comment-removed")).hasSize(1);
    }

    /**
     * Following and notifications as the demo reader finds them on first sign-in: the centre with its unread
     * replies, the Following page, the choices, profiles with their counts and lists, and a refused mail link.
     */
    @Test
    void followingAndNotificationPagesShouldBeValidAndAccessible() throws Exception {
        AccountUser reader = (AccountUser) userDetails.loadUserByUsername("reader");
        Map<String, String> pages = new LinkedHashMap<>();
        for (String path : List.of("/notifications", "/following", "/account/notifications", "/account/comments",
                "/users/reader",
                "/users/reader/followers", "/users/reader/following", "/users/editor")) {
            pages.put(path, signedInPage(reader, path, 200));
        }
        pages.put("refused unsubscribe", mvc.perform(get("/notifications/unsubscribe").param("account", "1"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            check(softly, "signed in: " + page.getKey(), page.getValue());
        }
        softly.assertAll();
        assertThat(Jsoup.parse(pages.get("/notifications")).select("li.notification.unread")).isNotEmpty();
        assertThat(Jsoup.parse(pages.get("/following")).select(".recent-comment")).isNotEmpty();
        assertThat(Jsoup.parse(pages.get("/users/reader/followers")).select(".people-list li")).isNotEmpty();
    }

    @Test
    void theStaffDeskAndTheEditorsArticleListShouldBeValidAndAccessible() throws Exception {
        AccountUser editor = (AccountUser) userDetails.loadUserByUsername("editor");
        String html = signedInPage(editor, "/admin/articles?sort=published", 200);
        SoftAssertions softly = new SoftAssertions();
        check(softly, "/admin/articles", html);
        check(softly, "/admin", signedInPage(editor, "/admin", 200));
        softly.assertAll();
        assertThat(Jsoup.parse(html).select("table.desk-table tbody tr")).hasSize(25);
    }

    /**
     * The editors' catalogue: authors, sections and tags (list, new, edit, a refused and a stale form) and the
     * front page's pins (with a refused choice). Nothing is saved.
     */
    @Test
    void theCataloguePagesShouldBeValidAndAccessible() throws Exception {
        AccountUser editor = (AccountUser) userDetails.loadUserByUsername("editor");
        Map<String, String> pages = new LinkedHashMap<>();
        for (String list : List.of("/admin/authors", "/admin/sections", "/admin/tags")) {
            String html = signedInPage(editor, list, 200);
            pages.put(list, html);
            String edit = Jsoup.parse(html).select("tbody th a[href^=" + list + "/]").attr("href");
            assertThat(edit).as("an edit link on " + list).matches(list + "/\\d+");
            pages.put(edit, signedInPage(editor, edit, 200));
        }
        pages.put("/admin/authors/new", signedInPage(editor, "/admin/authors/new", 200));
        pages.put("/admin/sections/new", signedInPage(editor, "/admin/sections/new", 200));
        pages.put("refused author", mvc.perform(post("/admin/authors/new").with(user(editor)).with(csrf())
                .param("name", "").param("photoUrl", "//elsewhere").param("account", "nobody-" + port))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        String author = Jsoup.parse(pages.get("/admin/authors")).select("tbody th a").attr("href");
        pages.put("stale author", mvc.perform(post(author).with(user(editor)).with(csrf()).param("name", "Someone")
                .param("version", "-1")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        pages.put("refused section", mvc.perform(post("/admin/sections/new").with(user(editor)).with(csrf())
                .param("name", "").param("sortOrder", "ten")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        String front = signedInPage(editor, "/admin/front-page", 200);
        pages.put("/admin/front-page", front);
        String story = Jsoup.parse(front).select("#lead option[value~=\\d+]").attr("value");
        pages.put("refused pins", mvc.perform(post("/admin/front-page").with(user(editor)).with(csrf())
                .param("lead", story).param("top", story, "", "", "")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        pages.put("stale pins", mvc.perform(post("/admin/front-page").with(user(editor)).with(csrf())
                .param("lead", story).param("top", "", "", "", "").param("version", "-1")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            check(softly, page.getKey(), page.getValue());
        }
        softly.assertAll();
        assertThat(Jsoup.parse(pages.get("refused author")).select(".field-error")).hasSize(3);
        assertThat(Jsoup.parse(pages.get("stale author")).select(".stale-notice")).hasSize(1);
        assertThat(Jsoup.parse(pages.get("refused pins")).select("#top-error")).hasSize(1);
        assertThat(Jsoup.parse(pages.get("stale pins")).select(".stale-notice")).hasSize(1);
    }

    /**
     * The article form (empty, filled, refused, in conflict), a draft's preview, the revisions, a diff and the
     * delete page.
     */
    @Test
    void theArticleFormAndItsPagesShouldBeValidAndAccessible(@Autowired org.broadsheet.article.ArticleDrafts drafts)
            throws Exception {
        AccountUser editor = (AccountUser) userDetails.loadUserByUsername("editor");
        org.broadsheet.article.EditingViews.FormChoices choices = drafts.choices();
        org.broadsheet.article.ArticleDraft draft = new org.broadsheet.article.ArticleDraft(
                "Valid form " + port, "A standfirst.", "", org.broadsheet.article.ArticleType.NEWS,
                choices.sections().get(0).slug(), java.util.List.of(), java.util.List.of(choices.authors().get(0).slug()),
                java.util.List.of("Checks"), "Body.\n\n## A heading\n\nMore.", null, null, null, null, true,
                org.broadsheet.article.Publication.DRAFT, null, null);
        long id = drafts.save(null, draft, "editor").id();
        long version = drafts.load(id).draft().version();
        drafts.save(id, new org.broadsheet.article.ArticleDraft("Valid form, again " + port, draft.standfirst(), "",
                draft.type(), draft.primarySection(), draft.furtherSections(), draft.authors(), draft.tags(),
                "Body changed.", null, null, null, null, true, org.broadsheet.article.Publication.DRAFT, null, version),
                "editor");
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("/admin/articles/new", signedInPage(editor, "/admin/articles/new", 200));
        pages.put("/admin/articles/" + id + "/edit", signedInPage(editor, "/admin/articles/" + id + "/edit", 200));
        pages.put("refused form", mvc.perform(post("/admin/articles").with(user(editor)).with(csrf())
                .param("headline", "").param("standfirst", "S").param("type", "NEWS").param("leadKind", "IMAGE")
                .param("publication", "AT").param("body", "B")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        pages.put("conflict", mvc.perform(post("/admin/articles/" + id).with(user(editor)).with(csrf())
                .param("headline", "Mine").param("standfirst", "S").param("type", "NEWS")
                .param("primarySection", draft.primarySection()).param("authors", draft.authors().get(0))
                .param("body", "My body.").param("leadKind", "NONE").param("publication", "DRAFT")
                .param("version", String.valueOf(version))).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        pages.put("preview", signedInPage(editor, "/admin/articles/" + id + "/preview", 200));
        pages.put("revisions", signedInPage(editor, "/admin/articles/" + id + "/revisions", 200));
        pages.put("diff", signedInPage(editor, "/admin/articles/" + id + "/revisions/compare?from=1&to=2", 200));
        pages.put("delete", signedInPage(editor, "/admin/articles/" + id + "/delete", 200));
        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            check(softly, page.getKey(), page.getValue());
        }
        softly.assertAll();
        assertThat(Jsoup.parse(pages.get("refused form")).select(".field-error")).hasSizeGreaterThan(3);
        assertThat(Jsoup.parse(pages.get("conflict")).select("section.conflict")).hasSize(1);
        assertThat(Jsoup.parse(pages.get("diff")).select("tr.diff-changed")).isNotEmpty();
    }

    /** The administrators' pages: the user list, an account with its roles form, a refused change, the audit log. */
    @Test
    void theAdministratorsPagesShouldBeValidAndAccessible(
            @Autowired org.broadsheet.account.AccountAdministration administration) throws Exception {
        AccountUser admin = (AccountUser) userDetails.loadUserByUsername("admin");
        String username = "html-validity-" + port;
        accounts.createVerified(username, "Html Validity", username + "@example.com", "not-a-real-password",
                java.util.EnumSet.of(org.broadsheet.account.Role.READER));
        long id = accounts.idOf(username).orElseThrow();
        administration.changeRoles("admin", id, administration.account(id).version(),
                java.util.EnumSet.of(org.broadsheet.account.Role.EDITOR));
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("/admin/users", signedInPage(admin, "/admin/users", 200));
        pages.put("/admin/users/" + id, signedInPage(admin, "/admin/users/" + id, 200));
        // The administrator taking away their own role: refused, with the reason next to the form.
        pages.put("refused roles", mvc.perform(post("/admin/users/" + admin.id() + "/roles").with(user(admin))
                .with(csrf()).param("version", String.valueOf(administration.account(admin.id()).version()))
                .param("roles", "EDITOR")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        pages.put("/admin/audit", signedInPage(admin, "/admin/audit", 200));
        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            check(softly, page.getKey(), page.getValue());
        }
        softly.assertAll();
        assertThat(Jsoup.parse(pages.get("/admin/users")).select("table.users-table tbody tr")).hasSizeGreaterThan(4);
        assertThat(Jsoup.parse(pages.get("refused roles")).select("#roles-error")).hasSize(1);
        assertThat(Jsoup.parse(pages.get("/admin/audit")).select("table.audit-table tbody tr")).isNotEmpty();
    }

    /** A note under an article, the public corrections page, and the editors' corrections form with an error. */
    @Test
    void theCorrectionsPagesShouldBeValidAndAccessible() throws Exception {
        AccountUser editor = (AccountUser) userDetails.loadUserByUsername("editor");
        String articleUrl = firstArticle("figure.lead-media > picture > img", "an article with an image lead");
        long articleId = Long.parseLong(document(articleUrl).select("article[data-article-id]")
                .attr("data-article-id"));
        corrections.add(articleId, org.broadsheet.article.CorrectionKind.CORRECTION,
                "An earlier version of this article gave the wrong day for the vote.\nIt is on Thursday.", "editor");
        String desk = "/admin/articles/" + articleId + "/corrections";
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put(articleUrl, page(articleUrl));
        pages.put("/corrections", page("/corrections"));
        pages.put(desk, signedInPage(editor, desk, 200));
        pages.put("refused note", mvc.perform(post(desk).with(user(editor)).with(csrf()).param("note", ""))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            check(softly, page.getKey(), page.getValue());
        }
        softly.assertAll();
        assertThat(Jsoup.parse(pages.get(articleUrl)).select("section.corrections li.correction")).isNotEmpty();
        assertThat(Jsoup.parse(pages.get("/corrections")).select("main li.correction")).isNotEmpty();
        assertThat(Jsoup.parse(pages.get("refused note")).select("#note-error, #kind-error")).hasSize(2);
    }

    private String signedInPage(AccountUser reader, String url, int status) throws Exception {
        MockHttpServletResponse response = mvc.perform(get(URI.create(url)).with(user(reader))).andReturn()
                .getResponse();
        assertThat(response.getStatus()).as("status of " + url).isEqualTo(status);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    /** Where the page kinds were found, so that a failure can be reproduced in a browser. */
    @Test
    void shouldFindEveryKindOfPageOnTheDemoSite() {
        for (PageKind kind : PageKind.values()) {
            assertThat(url(kind)).as(kind.name()).startsWith("/");
        }
        Document section = document(url(PageKind.SECTION));
        assertThat(section.select("nav.subsections a")).as("subsections of " + url(PageKind.SECTION)).isNotEmpty();
        assertThat(section.select("a[rel=next]")).as("pagination of " + url(PageKind.SECTION)).isNotEmpty();
        assertThat(document(url(PageKind.SEARCH)).select(".search-hit")).as(url(PageKind.SEARCH)).isNotEmpty();
        System.out.println("HtmlValidityTests pages: " + urls);
    }

    // ---------------------------------------------------------------------------------------------------------
    // The checks

    private static void check(SoftAssertions softly, String page, String html) throws IOException, SAXException {
        List<NuChecker.Message> messages = NuChecker.check(html);
        List<NuChecker.Message> errors = messages.stream().filter(NuChecker.Message::error).toList();
        List<NuChecker.Message> warnings = messages.stream().filter(m -> !m.error()).toList();
        if (!warnings.isEmpty()) {
            System.out.println("Nu HTML Checker warnings for " + page + ":\n" + describe(warnings, html));
        }
        if (!errors.isEmpty()) {
            softly.fail("%nNu HTML Checker: %d error(s) on %s\n%s  and %d warning(s):%n%s", errors.size(), page,
                    describe(errors, html), warnings.size(), describe(warnings, html));
        }
        checkAccessibility(softly, page, Jsoup.parse(html));
    }

    // Accessibility and CSP rules, checked with jsoup on the rendered page

    private static void checkAccessibility(SoftAssertions softly, String url, Document doc) {
        softly.assertThat(doc.select("html").attr("lang")).as("%s: html[lang]", url).isNotBlank();
        softly.assertThat(doc.title()).as("%s: title", url).isNotBlank();
        softly.assertThat(doc.select("h1").eachText()).as("%s: exactly one h1", url).hasSize(1);

        // Landmarks
        softly.assertThat(doc.select("main")).as("%s: one main element", url).hasSize(1);
        softly.assertThat(doc.select("main#main")).as("%s: main has id 'main'", url).hasSize(1);
        softly.assertThat(doc.select("body > header")).as("%s: page header (banner)", url).hasSize(1);
        softly.assertThat(doc.select("body > footer")).as("%s: page footer (contentinfo)", url).hasSize(1);
        softly.assertThat(doc.select("body > header nav[aria-label]")).as("%s: labelled site navigation", url)
                .isNotEmpty();
        softly.assertThat(unlabelled(doc.select("nav"), e -> hasName(doc, e, false)))
                .as("%s: nav elements without aria-label", url).isEmpty();
        List<String> navNames = doc.select("nav[aria-label]").eachAttr("aria-label");
        softly.assertThat(navNames).as("%s: nav labels are distinct", url).doesNotHaveDuplicates();

        // Skip link: the first thing the keyboard reaches, pointing at main
        List<Element> focusable = focusable(doc);
        softly.assertThat(focusable).as("%s: focusable elements", url).isNotEmpty();
        if (!focusable.isEmpty()) {
            Element first = focusable.get(0);
            softly.assertThat(first.tagName() + " href=" + first.attr("href"))
                    .as("%s: first focusable element is the skip link (found %s)", url, first.outerHtml())
                    .isEqualTo("a href=#main");
        }

        // Text alternatives and labels
        softly.assertThat(doc.select("img:not([alt])").eachAttr("src")).as("%s: img without alt", url).isEmpty();
        Elements controls = doc.select("input:not([type=hidden]):not([type=submit]):not([type=button])"
                + ":not([type=reset]):not([type=image]), select, textarea");
        softly.assertThat(unlabelled(controls, e -> hasLabel(doc, e))).as("%s: form controls without label", url)
                .isEmpty();
        softly.assertThat(unlabelled(doc.select("button, input[type=submit], input[type=button]"),
                e -> !e.text().isBlank() || !e.attr("value").isBlank() || hasName(doc, e, true)))
                .as("%s: buttons without a name", url).isEmpty();
        softly.assertThat(unlabelled(doc.select("a[href]"), e -> !e.text().isBlank()
                || e.selectFirst("img[alt]:not([alt=''])") != null || hasName(doc, e, true)
                || "true".equals(e.attr("aria-hidden")) && "-1".equals(e.attr("tabindex"))))
                .as("%s: links without text", url).isEmpty();

        // The Content-Security-Policy allows no inline style or script
        softly.assertThat(doc.select("[style]").eachAttr("style")).as("%s: inline style attributes", url).isEmpty();
        softly.assertThat(doc.select("style")).as("%s: style elements", url).isEmpty();
        softly.assertThat(doc.select("script:not([src])").stream()
                .filter(s -> !"application/ld+json".equals(s.attr("type"))).map(Element::outerHtml).toList())
                .as("%s: inline scripts", url).isEmpty();
        softly.assertThat(doc.getAllElements().stream()
                .flatMap(e -> e.attributes().asList().stream().filter(a -> a.getKey().startsWith("on"))
                        .map(a -> e.tagName() + "[" + a.getKey() + "]"))
                .toList()).as("%s: inline event handlers", url).isEmpty();
        softly.assertThat(doc.select("a[href^=javascript:]")).as("%s: javascript: links", url).isEmpty();

        // Unique ids, and in-page links that lead somewhere
        Map<String, Long> ids = doc.select("[id]").eachAttr("id").stream()
                .collect(Collectors.groupingBy(id -> id, LinkedHashMap::new, Collectors.counting()));
        softly.assertThat(ids.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
                .as("%s: duplicate ids", url).isEmpty();
        softly.assertThat(doc.select("a[href^=#]").eachAttr("href").stream()
                .filter(href -> href.length() > 1 && !ids.containsKey(href.substring(1))).distinct().toList())
                .as("%s: in-page links to missing ids", url).isEmpty();
    }

    /** Elements that a keyboard user reaches with Tab, in document order. */
    private static List<Element> focusable(Document doc) {
        return doc.select("a[href], area[href], button, input:not([type=hidden]), select, textarea, iframe, "
                + "audio[controls], video[controls], summary, [tabindex], [contenteditable]").stream()
                .filter(e -> !e.hasAttr("disabled"))
                .filter(e -> !e.attr("tabindex").strip().startsWith("-"))
                .toList();
    }

    private static boolean hasLabel(Document doc, Element control) {
        if (control.closest("label") != null || hasName(doc, control, true)) {
            return true;
        }
        String id = control.id();
        return !id.isEmpty() && doc.select("label[for]").stream()
                .anyMatch(l -> l.attr("for").equals(id) && !l.text().isBlank());
    }

    /** An aria-label, or an aria-labelledby that points at elements with text (or, if allowed, a title). */
    private static boolean hasName(Document doc, Element e, boolean titleCounts) {
        if (!e.attr("aria-label").isBlank() || titleCounts && !e.attr("title").isBlank()) {
            return true;
        }
        String labelledBy = e.attr("aria-labelledby").strip();
        if (labelledBy.isEmpty()) {
            return false;
        }
        for (String id : labelledBy.split("\\s+")) {
            Element target = doc.getElementById(id);
            if (target == null || target.text().isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static List<String> unlabelled(Elements elements, Predicate<Element> named) {
        return elements.stream().filter(named.negate()).map(HtmlValidityTests::shortHtml).toList();
    }

    private static String shortHtml(Element e) {
        String html = e.outerHtml().replaceAll("\\s+", " ");
        return html.length() > 160 ? html.substring(0, 160) + "…" : html;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Finding the pages

    private String url(PageKind kind) {
        return urls.computeIfAbsent(kind, this::find);
    }

    private String find(PageKind kind) {
        return switch (kind) {
            case FRONT -> "/";
            case ARTICLE_WITH_IMAGE -> firstArticle("figure.lead-media > picture > img", "an article with an image lead");
            case ARTICLE_WITH_VIDEO -> firstArticle("figure.lead-media > video", "an article with a video lead");
            case SECTION -> section();
            case SECTION_PAGE_2 -> document(url(PageKind.SECTION)).select("nav.pagination a[rel=next]").stream()
                    .map(a -> a.attr("href")).findFirst()
                    .orElseThrow(() -> new AssertionError("No next page on " + url(PageKind.SECTION)));
            case AUTHOR -> linkFromArticles("a[rel=author]", "an author page");
            case TAG -> linkFromArticles("a[rel=tag]", "a tag page");
            case SEARCH -> "/search?q=" + URLEncoder.encode(headlineWord(), StandardCharsets.UTF_8);
            case EMPTY_SEARCH -> "/search?q=";
            case NOT_FOUND -> "/no-such-page";
            case COMMENTS_PAGE_2 -> linkFromArticles(".comment-pages a[rel=next]", "a second page of comments");
            case COMMENT_PERMALINK -> linkFromArticles("li.comment.level-3 a.comment-time", "a deep reply's permalink");
        };
    }

    /** Article URLs in the order a reader meets them: the front page first, then every section's pages. */
    private Set<String> articleUrls() {
        Set<String> articles = new LinkedHashSet<>(cardLinks(document("/")));
        for (String listing : listingUrls()) {
            articles.addAll(cardLinks(document(listing)));
        }
        return articles;
    }

    private static List<String> cardLinks(Document doc) {
        return doc.select("main .card-headline a[href]").eachAttr("href");
    }

    /** Every section page, its subsections' and its further pages, reached from the site's navigation. */
    private List<String> listingUrls() {
        Set<String> seen = new LinkedHashSet<>();
        List<String> queue = new ArrayList<>(document("/").select("body > header nav a[href^=/sections/]")
                .eachAttr("href"));
        while (!queue.isEmpty()) {
            String next = queue.remove(0);
            if (seen.add(next)) {
                Document doc = document(next);
                queue.addAll(doc.select("nav.subsections a[href], nav.pagination a[rel=next]").eachAttr("href"));
            }
        }
        return List.copyOf(seen);
    }

    private String firstArticle(String selector, String description) {
        return articleUrls().stream().filter(url -> !document(url).select(selector).isEmpty()).findFirst()
                .orElseThrow(() -> new AssertionError("No " + description + " found on the demo site"));
    }

    private String linkFromArticles(String selector, String description) {
        return articleUrls().stream().flatMap(url -> document(url).select(selector).eachAttr("href").stream())
                .findFirst().orElseThrow(() -> new AssertionError("No " + description + " found on the demo site"));
    }

    /** A section with both subsections and a second page, or failing that one with a second page. */
    private String section() {
        List<String> sections = document("/").select("body > header nav a[href^=/sections/]").eachAttr("href");
        Optional<String> both = sections.stream().filter(url -> hasSubsections(url) && hasNextPage(url)).findFirst();
        return both.or(() -> sections.stream().filter(this::hasNextPage).findFirst())
                .orElseThrow(() -> new AssertionError("No section with a second page in " + sections));
    }

    private boolean hasSubsections(String url) {
        return !document(url).select("nav.subsections a").isEmpty();
    }

    private boolean hasNextPage(String url) {
        return !document(url).select("nav.pagination a[rel=next]").isEmpty();
    }

    private String headlineWord() {
        Pattern word = Pattern.compile("\\p{L}{5,}");
        for (String headline : document("/").select("main .card-headline").eachText()) {
            Matcher m = word.matcher(headline);
            if (m.find()) {
                return m.group().toLowerCase();
            }
        }
        throw new AssertionError("No headline with a word to search for on the front page");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Fetching

    private Document document(String url) {
        return fetched.computeIfAbsent(url, u -> Jsoup.parse(page(u)));
    }

    private String page(String url) {
        try {
            MockHttpServletResponse response = mvc.perform(get(URI.create(url)).accept(MediaType.TEXT_HTML))
                    .andReturn().getResponse();
            assertThat(response.getStatus()).as("status of " + url).isEqualTo(200);
            assertThat(response.getContentType()).as("content type of " + url).startsWith("text/html");
            return response.getContentAsString(StandardCharsets.UTF_8);
        }
        catch (Exception e) {
            throw new IllegalStateException("Could not fetch " + url, e);
        }
    }

    /** Error pages are rendered by the servlet container's error dispatch, which MockMvc does not do: real HTTP. */
    private String notFoundPage(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + url)).header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as("status of " + url).isEqualTo(404);
        return response.body();
    }

    private static String describe(List<NuChecker.Message> messages, String html) {
        if (messages.isEmpty()) {
            return "  (none)";
        }
        String[] lines = html.split("\n", -1);
        StringBuilder out = new StringBuilder();
        for (NuChecker.Message m : messages) {
            out.append("  ").append(m.error() ? "error" : "warning").append(" at ").append(m.line()).append(':')
                    .append(m.column()).append(": ").append(m.text()).append('\n');
            if (m.line() >= 1 && m.line() <= lines.length) {
                String line = lines[m.line() - 1];
                int end = Math.min(line.length(), Math.max(0, m.column()));
                int start = Math.max(0, end - 120);
                out.append("      ").append(line.substring(start, end).strip()).append('\n');
            }
        }
        return out.toString();
    }

    /**
     * The Nu HTML Checker's document checks, wired as {@code nu.validator.validation.SimpleDocumentValidator} wires
     * them for the {@code html5-all.rnc} schema. That class (and {@code EmbeddedValidator}, which uses it) cannot be
     * loaded here: its static initialiser needs the Jetty 11 HTTP client for fetching remote documents, and Spring
     * Boot manages Jetty at 12, whose client API moved; it also configures log4j 1. Checking a string needs neither.
     */
    static final class NuChecker {

        static final String SCHEMA = "http://s.validator.nu/html5-all.rnc";

        record Message(boolean error, int line, int column, String text) {
        }

        private static Schema schema;

        private NuChecker() {
        }

        static synchronized List<Message> check(String html) throws IOException, SAXException {
            List<Message> messages = new ArrayList<>();
            ErrorHandler handler = new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    messages.add(new Message(false, e.getLineNumber(), e.getColumnNumber(), e.getMessage()));
                }

                @Override
                public void error(SAXParseException e) {
                    messages.add(new Message(true, e.getLineNumber(), e.getColumnNumber(), e.getMessage()));
                }

                @Override
                public void fatalError(SAXParseException e) {
                    error(e);
                }
            };
            PropertyMap properties = properties(handler);
            Validator validator = schema().createValidator(properties);
            validator = new CombineValidator(validator, CheckerSchema.ASSERTION_SCH.createValidator(properties));
            validator = new CombineValidator(validator,
                    CheckerSchema.LANGUAGE_DETECTING_CHECKER.createValidator(properties));
            for (var checker : List.of(new TableChecker(), new DuplicateDtChecker(), new HeadingHierarchyChecker(),
                    new MicrodataChecker(), new NormalizationChecker(), new SpeculationRulesChecker(),
                    new TextContentChecker(), new UncheckedSubtreeWarner(), new UsemapChecker(), new XmlPiChecker(),
                    new CspEnforcementChecker())) {
                validator = new CombineValidator(validator, new CheckerValidator(checker, properties));
            }
            HtmlParser parser = new HtmlParser();
            parser.setCommentPolicy(XmlViolationPolicy.ALLOW);
            parser.setContentNonXmlCharPolicy(XmlViolationPolicy.ALLOW);
            parser.setContentSpacePolicy(XmlViolationPolicy.ALTER_INFOSET);
            parser.setNamePolicy(XmlViolationPolicy.ALLOW);
            parser.setXmlnsPolicy(XmlViolationPolicy.ALTER_INFOSET);
            parser.setMappingLangToXmlLang(true);
            parser.setHeuristics(Heuristics.ALL);
            parser.setContentHandler(validator.getContentHandler());
            parser.setErrorHandler(handler);
            parser.setFeature("http://xml.org/sax/features/unicode-normalization-checking", true);
            parser.setErrorProfile(new HashMap<>(Map.of("html-strict", "warn")));
            InputSource input = new InputSource(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
            input.setEncoding("UTF-8");
            try {
                new AttributesPermutingXMLReaderWrapper(parser).parse(input);
            }
            catch (SAXParseException fatal) {
                // already reported to the handler
            }
            return messages;
        }

        private static Schema schema() throws IOException, SAXException {
            if (schema == null) {
                System.setProperty("nu.validator.schema.rdfa-full", "1");
                System.setProperty("nu.validator.checker.enableLangDetection", "1");
                LocalCacheEntityResolver resolver = new LocalCacheEntityResolver(new NullEntityResolver());
                resolver.setAllowRnc(true);
                PropertyMapBuilder builder = new PropertyMapBuilder();
                builder.put(ValidateProperty.ERROR_HANDLER, new ErrorHandler() {
                    @Override
                    public void warning(SAXParseException e) {
                    }

                    @Override
                    public void error(SAXParseException e) throws SAXException {
                        throw e;
                    }

                    @Override
                    public void fatalError(SAXParseException e) throws SAXException {
                        throw e;
                    }
                });
                builder.put(ValidateProperty.ENTITY_RESOLVER, resolver);
                builder.put(ValidateProperty.XML_READER_CREATOR,
                        new nu.validator.vendor.thaiopensource.xml.sax.Jaxp11XMLReaderCreator());
                RngProperty.CHECK_ID_IDREF.add(builder);
                Schema s;
                try {
                    s = CompactSchemaReader.getInstance().createSchema(resolver.resolveEntity(null, SCHEMA),
                            builder.toPropertyMap());
                }
                catch (nu.validator.vendor.thaiopensource.validate.IncorrectSchemaException e) {
                    throw new IllegalStateException("Cannot read " + SCHEMA, e);
                }
                s = new DataAttributeDroppingSchemaWrapper(s);
                s = new AriaAttributeDroppingSchemaWrapper(s);
                s = new XmlLangAttributeDroppingSchemaWrapper(s);
                s = new RoleAttributeFilteringSchemaWrapper(s);
                s = new TemplateElementDroppingSchemaWrapper(s);
                s = new NamespaceChangingSchemaWrapper(s);
                schema = s;
            }
            return schema;
        }

        private static PropertyMap properties(ErrorHandler handler) {
            PropertyMapBuilder builder = new PropertyMapBuilder();
            builder.put(ValidateProperty.ERROR_HANDLER, handler);
            builder.put(ValidateProperty.XML_READER_CREATOR,
                    new nu.validator.vendor.thaiopensource.xml.sax.Jaxp11XMLReaderCreator());
            RngProperty.CHECK_ID_IDREF.add(builder);
            return builder.toPropertyMap();
        }
    }
}
