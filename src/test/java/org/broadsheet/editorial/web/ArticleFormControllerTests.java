package org.broadsheet.editorial.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.broadsheet.article.ArticleDraft;
import org.broadsheet.article.ArticleDeletion;
import org.broadsheet.article.ArticleDrafts;
import org.broadsheet.article.ArticlePreviews;
import org.broadsheet.article.EditRefusedException;
import org.broadsheet.article.ArticleType;
import org.broadsheet.article.EditConflictException;
import org.broadsheet.article.EditingViews.EditableArticle;
import org.broadsheet.article.EditingViews.FormChoices;
import org.broadsheet.article.EditingViews.Saved;
import org.broadsheet.article.EditingViews.SectionOption;
import org.broadsheet.article.Publication;
import org.broadsheet.article.Views.AuthorLink;
import org.broadsheet.media.MediaRejectedException;
import org.broadsheet.media.MediaService;
import org.broadsheet.media.StoredImage;
import org.broadsheet.shared.Datelines;
import org.broadsheet.web.WebSliceTestConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The article form as editors use it: every field's rule, errors that keep the input, conflicts, access. */
@WebMvcTest(ArticleFormController.class)
@Import({ WebSliceTestConfig.class, FormUploads.class })
class ArticleFormControllerTests {

    /** News > (UK, World > Europe), then Sport. */
    private static final FormChoices CHOICES = new FormChoices(
            List.of(new SectionOption("news", "News", List.of(), List.of(
                            new SectionOption("uk", "UK", List.of("News"), List.of()),
                            new SectionOption("world", "World", List.of("News"), List.of(
                                    new SectionOption("europe", "Europe", List.of("News", "World"), List.of()))))),
                    new SectionOption("sport", "Sport", List.of(), List.of())),
            List.of(new AuthorLink(1, "zoe", "Zoë Ní Bhriain", null, "/authors/zoe"),
                    new AuthorLink(2, "sam", "Sam Achterberg", null, "/authors/sam")),
            List.of(ArticleType.values()));

    @Autowired
    MockMvc mvc;

    @Autowired
    Datelines datelines;

    @MockitoBean
    ArticleDrafts drafts;

    @MockitoBean
    ArticlePreviews previews;

    @MockitoBean
    ArticleDeletion deletion;

    @MockitoBean
    org.broadsheet.article.SectionTrees sections;

    @MockitoBean
    MediaService media;

    private EditableArticle saved;

    @BeforeEach
    void setUp() {
        given(drafts.choices()).willReturn(CHOICES);
        given(drafts.blank()).willReturn(new ArticleDraft("", "", "", ArticleType.NEWS, null, List.of(), List.of(),
                List.of(), "", null, null, null, null, true, Publication.DRAFT, null, null));
        saved = editable("Bridge reopens", "The saved body.", 4);
        given(drafts.load(7)).willReturn(saved);
    }

    private EditableArticle editable(String headline, String body, long version) {
        Datelines.Dateline at = datelines.of(Instant.parse("2026-11-20T09:30:00Z"));
        return new EditableArticle(7, new ArticleDraft(headline, "The standfirst.", "bridge-reopens",
                ArticleType.NEWS, "world", List.of(), List.of("zoe"), List.of("Transport"), body, null, null, null,
                null, true, Publication.AT, LocalDateTime.of(2026, 11, 20, 9, 30), version), "published",
                "/world/2026/11/20/bridge-reopens", at, "sam", at, 3);
    }

    /** A complete, valid form, as the browser posts it, with some fields changed (name, value, name, value...). */
    private static MockHttpServletRequestBuilder filled(String url, String... changes) {
        return filled(post(url), changes);
    }

    private static <B extends AbstractMockHttpServletRequestBuilder<B>> B filled(B request, String... changes) {
        java.util.Map<String, String[]> fields = new java.util.LinkedHashMap<>();
        fields.put("headline", new String[] {"Ferry “returns” — at last"});
        fields.put("standfirst", new String[] {"The crossing reopens on Monday."});
        fields.put("slug", new String[] {""});
        fields.put("type", new String[] {"NEWS"});
        fields.put("primarySection", new String[] {"world"});
        fields.put("furtherSections", new String[] {"news"});
        fields.put("authors", new String[] {"zoe", "sam"});
        fields.put("tags", new String[] {"Ferries, Harbours"});
        fields.put("body", new String[] {"First paragraph.\n\nSecond."});
        fields.put("leadKind", new String[] {"NONE"});
        fields.put("commentsOpen", new String[] {"true"});
        fields.put("publication", new String[] {"AT"});
        fields.put("publishDate", new String[] {"2021-05-06"});
        fields.put("publishTime", new String[] {"17:24"});
        for (int i = 0; i < changes.length; i += 2) {
            if (changes[i + 1] == null) {
                fields.remove(changes[i]);
            } else {
                fields.put(changes[i], new String[] {changes[i + 1]});
            }
        }
        request.with(user("eden").roles("EDITOR")).with(csrf());
        fields.forEach(request::param);
        return request;
    }

    private Document html(RequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void shouldOfferAnEmptyFormWithEverySectionAndAuthor() throws Exception {
        Document page = html(get("/admin/articles/new").with(user("eden").roles("EDITOR")));

        assertThat(page.select("h1").text()).isEqualTo("New article");
        assertThat(page.select("form.editor-form").attr("action")).isEqualTo("/admin/articles");
        assertThat(page.select("form.editor-form").attr("enctype")).isEqualTo("multipart/form-data");
        assertThat(page.select("form.editor-form input[name=_csrf]")).hasSize(1);
        assertThat(page.select("#primarySection option").eachAttr("value"))
                .containsExactly("", "news", "uk", "world", "europe", "sport");
        assertThat(page.select("input[name=authors]").eachAttr("value")).containsExactly("zoe", "sam");
        assertThat(page.select("input[name=publication][checked]").val()).isEqualTo("DRAFT");
        assertThat(page.select("input[name=commentsOpen][checked]")).hasSize(1);
        assertThat(page.select("label[for=leadImageFile]").text()).isEqualTo("Upload a picture");
    }

    @Test
    void shouldListTheSectionsAsATreeEachUnderTheOneItBelongsTo() throws Exception {
        Document page = html(get("/admin/articles/new").with(user("eden").roles("EDITOR")));

        // The section list: depth first, each option its section's whole place.
        assertThat(page.select("#primarySection option").eachText()).containsExactly("Choose a section", "News",
                "News › UK", "News › World", "News › World › Europe", "Sport");
        // "Also list it in": nested lists, a level for each depth.
        Element tree = page.selectFirst("fieldset > ul.section-tree");
        Elements boxes = tree.select("input[type=checkbox][name=furtherSections]");
        assertThat(boxes.eachAttr("value")).containsExactly("news", "uk", "world", "europe", "sport");
        assertThat(boxes).extracting(box -> box.parents().stream().filter(p -> p.hasClass("section-tree")).count())
                .as("lists each checkbox is in").containsExactly(1L, 2L, 2L, 3L, 1L);
        assertThat(tree.select("> li > .field-checkbox input[type=checkbox]").eachAttr("value"))
                .containsExactly("news", "sport");
        assertThat(tree.select("li:has(> .field-checkbox input[value=world]) > ul input[type=checkbox]")
                .eachAttr("value")).containsExactly("europe");
        // Each checkbox is labelled with the name shown and, for a screen reader, the sections above it.
        Element europe = page.selectFirst("label[for=" + page.selectFirst("input[value=europe][name=furtherSections]")
                .id() + "]");
        assertThat(europe.ownText()).isEqualTo("Europe");
        assertThat(europe.text()).isEqualTo("News › World › Europe");
        assertThat(europe.select(".visually-hidden").text()).isEqualTo("News › World ›");
        assertThat(page.select("label[for=" + page.selectFirst("input[value=news][name=furtherSections]").id() + "]")
                .text()).isEqualTo("News");
    }

    @Test
    void shouldKeepTheChosenSectionsInTheTreeWhenTheFormComesBack() throws Exception {
        Document page = html(filled("/admin/articles", "headline", "", "primarySection", "europe",
                "furtherSections", "uk").param("furtherSections", "europe"));

        assertThat(page.select("#headline-error")).hasSize(1);
        assertThat(page.select("#primarySection option[selected]").eachAttr("value")).containsExactly("europe");
        assertThat(page.select("input[name=furtherSections][checked]").eachAttr("value"))
                .containsExactly("uk", "europe");

        Document noSection = html(filled("/admin/articles", "primarySection", ""));
        assertThat(noSection.select("#primarySection-error").text()).isEqualTo("Please choose the article's section.");
        assertThat(noSection.select("#primarySection").attr("aria-describedby")).isEqualTo("primarySection-error");
        assertThat(noSection.select("#primarySection").attr("aria-invalid")).isEqualTo("true");
        verify(drafts, never()).save(any(), any(), any());
    }

    @Test
    void shouldShowEveryKindOfLeadsInputsWithoutScriptEachMarkedWithItsKinds() throws Exception {
        Document page = html(get("/admin/articles/new").with(user("eden").roles("EDITOR")));

        // Nothing is hidden by the server: desk.js hides the kinds not chosen, where it runs.
        assertThat(page.select("form.editor-form [hidden]")).isEmpty();
        assertThat(page.select("input[name=leadKind]").eachAttr("value")).containsExactly("NONE", "IMAGE", "VIDEO",
                "EMBED");
        Map<String, String> kinds = new LinkedHashMap<>();
        for (String id : List.of("leadImageFile", "leadVideoFile", "leadCaptionsFile", "leadVideoLink", "leadAlt",
                "leadCaption", "leadCredit")) {
            Element input = page.getElementById(id);
            assertThat(input).as(id).isNotNull();
            assertThat(input.hasAttr("disabled")).as(id).isFalse();
            kinds.put(id, input.closest("[data-lead-for]").attr("data-lead-for"));
        }
        assertThat(kinds).containsExactly(Map.entry("leadImageFile", "IMAGE"),
                Map.entry("leadVideoFile", "VIDEO"), Map.entry("leadCaptionsFile", "VIDEO"),
                Map.entry("leadVideoLink", "EMBED"), Map.entry("leadAlt", "IMAGE VIDEO EMBED"),
                Map.entry("leadCaption", "IMAGE VIDEO EMBED"),
                Map.entry("leadCredit", "IMAGE VIDEO EMBED"));
        // The stored media travel in hidden inputs outside the parts, whatever is shown.
        assertThat(page.select("input[type=hidden][name=leadUrl]").first().closest("[data-lead-for]")).isNull();
        assertThat(page.select("head script[src]").eachAttr("src")).anyMatch(src -> src.startsWith("/js/desk"));
    }

    @Test
    void shouldSaveOnlyTheChosenKindOfLeadWhateverTheOtherInputsHold() throws Exception {
        given(drafts.save(isNull(), any(), any())).willReturn(new Saved(45, "draft"));

        // A picture was stored and described, then the editor chose "Nothing": the form is saved without a lead.
        mvc.perform(filled("/admin/articles", "leadKind", "NONE", "leadUrl", "/media/5/1600.jpg", "leadWidth",
                "1600", "leadHeight", "900", "leadAlt", "", "leadVideoLink", "https://vimeo.com/76979871"))
                .andExpect(redirectedUrl("/admin/articles/45/edit"));
        ArgumentCaptor<ArticleDraft> draft = ArgumentCaptor.forClass(ArticleDraft.class);
        verify(drafts).save(isNull(), draft.capture(), any());
        assertThat(draft.getValue().lead()).isNull();
    }

    @Test
    void shouldKeepSaveAndPreviewTogetherInTheBarAtTheFootOfTheForm() throws Exception {
        Document page = html(get("/admin/articles/7/edit").with(user("eden").roles("EDITOR")));

        Element bar = page.selectFirst("form.editor-form > .editor-actions");
        assertThat(bar).isNotNull();
        assertThat(bar.nextElementSibling()).as("the form's last part").isNull();
        assertThat(bar.select("button[type=submit]").eachText()).containsExactly("Save",
                "Preview without saving (opens a new tab)");
        assertThat(page.select("form.editor-form button[type=submit]")).hasSize(2);
    }

    @Test
    void shouldFillTheFormOfASavedArticleWithItsLinks() throws Exception {
        Document page = html(get("/admin/articles/7/edit").with(user("eden").roles("EDITOR")));

        assertThat(page.select("#headline").val()).isEqualTo("Bridge reopens");
        assertThat(page.select("#body").val()).isEqualTo("The saved body.");
        assertThat(page.select("#version").val()).isEqualTo("4");
        assertThat(page.select("#publishDate").val()).isEqualTo("2026-11-20");
        assertThat(page.select("#publishTime").val()).isEqualTo("09:30");
        assertThat(page.select("form.editor-form").attr("action")).isEqualTo("/admin/articles/7");
        assertThat(page.select(".editor-links a").eachAttr("href")).containsExactly("/admin/articles/7/preview",
                "/world/2026/11/20/bridge-reopens", "/admin/articles/7/revisions", "/admin/articles/7/corrections",
                "/admin/articles/7/delete");
    }

    @Test
    void shouldSaveANewArticleAndComeBackToItsForm() throws Exception {
        given(drafts.save(isNull(), any(), eq("eden"))).willReturn(new Saved(42, "published"));

        mvc.perform(filled("/admin/articles")).andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/articles/42/edit"))
                .andExpect(flash().attribute("notice", "editor.saved.published"));

        ArgumentCaptor<ArticleDraft> draft = ArgumentCaptor.forClass(ArticleDraft.class);
        verify(drafts).save(isNull(), draft.capture(), eq("eden"));
        assertThat(draft.getValue().headline()).isEqualTo("Ferry “returns” — at last");
        assertThat(draft.getValue().authors()).containsExactly("zoe", "sam");
        assertThat(draft.getValue().furtherSections()).containsExactly("news");
        assertThat(draft.getValue().tags()).containsExactly("Ferries", "Harbours");
        assertThat(draft.getValue().publishAt()).isEqualTo(LocalDateTime.of(2021, 5, 6, 17, 24));
        assertThat(draft.getValue().commentsOpen()).isTrue();
        assertThat(draft.getValue().lead()).isNull();
    }

    @Test
    void shouldShowEachErrorNextToItsFieldAndKeepEverythingTyped() throws Exception {
        Document page = html(filled("/admin/articles", "headline", "  ", "slug", "Not A Slug", "publishDate", "",
                "leadKind", "IMAGE", "leadAlt", "", "seoImage", "javascript:alert(1)"));

        assertThat(page.select(".error-summary").text()).contains("Nothing you typed has been lost");
        assertThat(page.select("#headline-error").text()).isEqualTo("Please write a headline.");
        assertThat(page.select("#slug-error").text()).contains("lower-case letters");
        assertThat(page.select("#publishDate-error").text()).contains("date and time");
        assertThat(page.select("#leadAlt-error").text()).contains("describe the picture");
        assertThat(page.select("#leadImageFile-error").text()).isEqualTo("Please upload the picture.");
        assertThat(page.select("#seoImage-error").text()).contains("https://");
        assertThat(page.select("#standfirst").val()).isEqualTo("The crossing reopens on Monday.");
        assertThat(page.select("#body").val()).isEqualTo("First paragraph.\n\nSecond.");
        assertThat(page.select("#tags").val()).isEqualTo("Ferries, Harbours");
        assertThat(page.select("#slug").val()).isEqualTo("Not A Slug");
        assertThat(page.select("#primarySection option[selected]").val()).isEqualTo("world");
        verify(drafts, never()).save(any(), any(), any());
    }

    @Test
    void shouldKeepAnUploadedPictureWhenAnotherFieldSendsTheFormBack() throws Exception {
        given(media.storeImage(eq("harbour.jpg"), any())).willReturn(new StoredImage(5, "/media/5/1600.jpg", 1600,
                900, "/media/5/480.jpg 480w, /media/5/1600.jpg 1600w", "image/jpeg",
                "/media/5/480.webp 480w, /media/5/1600.webp 1600w"));
        MockMultipartFile picture = new MockMultipartFile("leadImageFile", "harbour.jpg", "image/jpeg",
                new byte[] {1, 2, 3});

        Document page = html(filled(multipart("/admin/articles").file(picture), "headline", "", "leadKind", "IMAGE",
                "leadAlt", "The harbour at dawn", "leadCaption", "Boats at rest", "leadCredit", "Photograph: Ana"));

        assertThat(page.select("#headline-error").text()).isEqualTo("Please write a headline.");
        assertThat(page.select("#leadUrl").val()).isEqualTo("/media/5/1600.jpg");
        assertThat(page.select("#leadSrcset").val()).isEqualTo("/media/5/480.jpg 480w, /media/5/1600.jpg 1600w");
        assertThat(page.select("#leadWebpSrcset").val()).isEqualTo("/media/5/480.webp 480w, /media/5/1600.webp 1600w");
        assertThat(page.select("#leadWidth").val()).isEqualTo("1600");
        assertThat(page.select(".editor-lead img").attr("src")).isEqualTo("/media/5/1600.jpg");
        assertThat(page.select("#leadAlt").val()).isEqualTo("The harbour at dawn");
        assertThat(page.select("input[name=leadKind][checked]").val()).isEqualTo("IMAGE");

        // Sent again without a new file, the stored picture is what is saved.
        given(drafts.save(isNull(), any(), any())).willReturn(new Saved(43, "draft"));
        mvc.perform(filled("/admin/articles", "leadKind", "IMAGE", "leadUrl", "/media/5/1600.jpg", "leadSrcset",
                "/media/5/480.jpg 480w", "leadWebpSrcset", "/media/5/480.webp 480w", "leadWidth", "1600",
                "leadHeight", "900", "leadAlt", "The harbour at dawn"))
                .andExpect(redirectedUrl("/admin/articles/43/edit"));
        ArgumentCaptor<ArticleDraft> draft = ArgumentCaptor.forClass(ArticleDraft.class);
        verify(drafts).save(isNull(), draft.capture(), any());
        assertThat(draft.getValue().lead()).satisfies(lead -> {
            assertThat(lead.kind()).isEqualTo("IMAGE");
            assertThat(lead.url()).isEqualTo("/media/5/1600.jpg");
            assertThat(lead.srcset()).isEqualTo("/media/5/480.jpg 480w");
            assertThat(lead.webpSrcset()).isEqualTo("/media/5/480.webp 480w");
            assertThat(lead.alt()).isEqualTo("The harbour at dawn");
        });
    }

    @Test
    void shouldShowARefusedUploadNextToItsFieldAndKeepTheRest() throws Exception {
        given(media.storeImage(any(), any())).willThrow(new MediaRejectedException(MediaRejectedException.IMAGE_TYPE));
        MockMultipartFile notAPicture = new MockMultipartFile("leadImageFile", "harbour.jpg", "image/jpeg",
                "<svg onload=alert(1)>".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        Document page = html(filled(multipart("/admin/articles").file(notAPicture), "leadKind", "IMAGE", "leadAlt",
                "The harbour"));

        assertThat(page.select("#leadImageFile-error").text()).isNotBlank().doesNotContain("media.rejected");
        // Tied to its file field, as every other field's message is to its own.
        assertThat(page.select("#leadImageFile").attr("aria-describedby"))
                .isEqualTo("leadImageFile-hint leadImageFile-error");
        assertThat(page.select("#leadImageFile").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#leadVideoFile").hasAttr("aria-invalid")).isFalse();
        assertThat(page.select("#leadCaptionsFile").attr("aria-describedby")).isEqualTo("leadCaptionsFile-hint");
        assertThat(page.select("#headline").val()).isEqualTo("Ferry “returns” — at last");
        assertThat(page.select("#leadAlt").val()).isEqualTo("The harbour");
        verify(drafts, never()).save(any(), any(), any());
    }

    @Test
    void shouldTurnAnAllowedVideoLinkIntoItsPlayerAndRefuseOthers() throws Exception {
        given(drafts.save(isNull(), any(), any())).willReturn(new Saved(44, "draft"));
        mvc.perform(filled("/admin/articles", "leadKind", "EMBED", "leadVideoLink",
                "https://www.youtube.com/watch?v=dQw4w9WgXcQ")).andExpect(redirectedUrl("/admin/articles/44/edit"));
        ArgumentCaptor<ArticleDraft> draft = ArgumentCaptor.forClass(ArticleDraft.class);
        verify(drafts).save(isNull(), draft.capture(), any());
        assertThat(draft.getValue().lead().url()).isEqualTo("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ");

        Document page = html(filled("/admin/articles", "leadKind", "EMBED", "leadVideoLink",
                "https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ"));
        assertThat(page.select("#leadVideoLink-error").text()).contains("Only YouTube and Vimeo");
        assertThat(page.select("#leadVideoLink").val()).isEqualTo("https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ");
    }

    @Test
    void shouldRefuseStoredMediaAddressesThatAreNotFilesOnThisSite() throws Exception {
        Document page = html(filled("/admin/articles", "leadKind", "VIDEO", "leadUrl", "javascript:alert(1)",
                "leadPosterUrl", "//evil.example/p.jpg", "leadCaptionsUrl", "https://evil.example/c.vtt",
                "leadSrcset", "/media/1/480.jpg 480w, javascript:x 960w", "leadWebpSrcset", "//evil/x.webp 480w",
                "leadWidth", "-5"));

        // A video lead: the message is the video field's, and so are the captions'.
        assertThat(page.select("#leadVideoFile-error").text()).contains("not one of this site's files");
        assertThat(page.select("#leadVideoFile").attr("aria-describedby")).isEqualTo("leadVideoFile-hint leadVideoFile-error");
        assertThat(page.select("#leadVideoFile").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#leadImageFile").hasAttr("aria-invalid")).isFalse();
        assertThat(page.select("#leadCaptionsFile-error").text()).isNotBlank();
        assertThat(page.select("#leadCaptionsFile").attr("aria-describedby"))
                .isEqualTo("leadCaptionsFile-hint leadCaptionsFile-error");
        assertThat(page.select("#leadCaptionsFile").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select(".field-error").size()).isGreaterThanOrEqualTo(1);
        assertThat(page.html()).doesNotContain("href=\"javascript:");
        verify(drafts, never()).save(any(), any(), any());
    }

    @Test
    void shouldExplainChoicesThatAreNotOfferedWithoutClassNamesAndKeepTheRest() throws Exception {
        Document page = html(filled("/admin/articles", "type", "FOO", "publication", "BAR", "leadKind", "BAZ"));

        assertThat(page.select("main").text()).contains("Please choose a type from the list.",
                "Please choose when to publish.", "Please choose what leads the article.")
                .doesNotContain("Failed to convert", "org.broadsheet");
        assertThat(page.select("#headline").val()).isEqualTo("Ferry “returns” — at last");
        verify(drafts, never()).save(any(), any(), any());
    }

    @Test
    void shouldAnswerMalformedAddressesAndVersionsWithBadRequest() throws Exception {
        mvc.perform(filled("/admin/articles/7", "version", "abc")).andExpect(status().isBadRequest());
        mvc.perform(get("/admin/articles/abc/edit").with(user("eden").roles("EDITOR")))
                .andExpect(status().isBadRequest());
        verify(drafts, never()).save(any(), any(), any());
    }

    @Test
    void shouldRefuseAnArticleWithoutAnAuthor() throws Exception {
        Document page = html(post("/admin/articles").with(user("eden").roles("EDITOR")).with(csrf())
                .param("headline", "H").param("standfirst", "S").param("type", "NEWS")
                .param("primarySection", "world").param("body", "B").param("leadKind", "NONE")
                .param("publication", "DRAFT"));

        assertThat(page.select(".field-error legend").eachText()).contains("Byline");
        assertThat(page.text()).contains("Please choose at least one author.");
    }

    @Test
    void shouldShowATakenAddressNextToTheAddressField() throws Exception {
        given(drafts.save(isNull(), any(), any())).willThrow(new EditRefusedException("slug", "editor.slug.taken"));

        Document page = html(filled("/admin/articles", "slug", "bridge-reopens"));

        assertThat(page.select("#slug-error").text()).contains("already used by another article");
        assertThat(page.select("#slug").val()).isEqualTo("bridge-reopens");
        assertThat(page.select("#headline").val()).isEqualTo("Ferry “returns” — at last");
    }

    @Test
    void shouldShowBothVersionsOnAConflictAndKeepTheSecondEditorsText() throws Exception {
        EditableArticle theirs = editable("Their headline", "Their body.", 5);
        given(drafts.save(eq(7L), any(), any())).willThrow(new EditConflictException(theirs));
        given(drafts.load(7)).willReturn(saved, theirs);

        Document page = html(filled("/admin/articles/7", "version", "4", "headline", "My headline", "body",
                "My body."));

        assertThat(page.select("#conflict-heading").text()).contains("Someone else saved this article");
        assertThat(page.select(".conflict").text()).contains("sam");
        assertThat(page.select(".conflict-table tbody tr").get(0).select("td").eachText())
                .containsExactly("Their headline", "My headline");
        assertThat(page.select(".conflict-table tbody tr").get(2).select("td").eachText())
                .containsExactly("Their body.", "My body.");
        assertThat(page.select("#headline").val()).isEqualTo("My headline");
        assertThat(page.select("#body").val()).isEqualTo("My body.");
        assertThat(page.select("#version").val()).as("saving again replaces theirs").isEqualTo("5");
    }

    @Test
    void shouldTreatARaceLostAtCommitAsTheSameConflict() throws Exception {
        EditableArticle theirs = editable("Committed first", "Body.", 6);
        given(drafts.save(eq(7L), any(), any()))
                .willThrow(new ObjectOptimisticLockingFailureException("Article", 7L));
        given(drafts.load(7)).willReturn(saved, theirs);

        Document page = html(filled("/admin/articles/7", "version", "4"));

        assertThat(page.select("#conflict-heading")).hasSize(1);
        assertThat(page.select("#version").val()).isEqualTo("6");
    }

    @Test
    void shouldRenderThePreviewWithTheReadersTemplate() throws Exception {
        given(previews.preview(7)).willReturn(org.broadsheet.article.web.ArticleFixtures.page("Draft <b>headline</b>",
                null, true));

        Document page = html(get("/admin/articles/7/preview").with(user("eden").roles("EDITOR")));

        assertThat(page.select("h1.headline").text()).isEqualTo("Draft <b>headline</b>");
        assertThat(page.select(".site-notice").text()).startsWith("Preview:");
        assertThat(page.select("article.article .standfirst")).hasSize(1);
    }

    @Test
    void shouldPreviewUnsavedChangesWithTheReadersTemplateAndSaveNothing() throws Exception {
        given(previews.preview(eq(7L), any())).willReturn(org.broadsheet.article.web.ArticleFixtures.page(
                "Not yet saved", null, true));

        Document page = html(filled("/admin/articles/7/preview", "headline", "Not yet saved"));

        assertThat(page.select("h1.headline").text()).isEqualTo("Not yet saved");
        assertThat(page.select(".site-notice").text()).contains("not saved");
        ArgumentCaptor<ArticleDraft> draft = ArgumentCaptor.forClass(ArticleDraft.class);
        verify(previews).preview(eq(7L), draft.capture());
        assertThat(draft.getValue().headline()).isEqualTo("Not yet saved");
        verify(drafts, never()).save(any(), any(), any());

        Document refused = html(filled("/admin/articles/preview", "headline", ""));
        assertThat(refused.select("#headline-error").text()).isEqualTo("Please write a headline.");
    }

    @Test
    void shouldOfferToPreviewChangesInANewTab() throws Exception {
        Document page = html(get("/admin/articles/7/edit").with(user("eden").roles("EDITOR")));

        assertThat(page.select("button[formaction=/admin/articles/7/preview]").attr("formtarget")).isEqualTo("_blank");
    }

    @Test
    void shouldAskBeforeDeletingAndThenDelete() throws Exception {
        Document page = html(get("/admin/articles/7/delete").with(user("eden").roles("EDITOR")));
        assertThat(page.text()).contains("its 3 comments");

        mvc.perform(post("/admin/articles/7/delete").with(user("eden").roles("EDITOR")).with(csrf()))
                .andExpect(redirectedUrl("/admin/articles"))
                .andExpect(flash().attribute("notice", "editor.deleted"));
        verify(deletion).delete(7, "eden");
    }

    @Test
    void shouldOpenOnlyToEditorsAndAdministratorsAndNeedTheFormToken() throws Exception {
        mvc.perform(get("/admin/articles/new").with(user("admin").roles("ADMIN"))).andExpect(status().isOk());
        for (String path : List.of("/admin/articles/new", "/admin/articles/7/edit", "/admin/articles/7/preview",
                "/admin/articles/7/delete")) {
            mvc.perform(get(path).with(user("morgan").roles("MODERATOR"))).andExpect(status().isForbidden());
            mvc.perform(get(path).with(user("rowan").roles("READER"))).andExpect(status().isForbidden());
            mvc.perform(get(path)).andExpect(status().is3xxRedirection());
        }
        mvc.perform(filled("/admin/articles").with(user("rowan").roles("READER"))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/articles/7/delete").with(user("eden").roles("EDITOR")))
                .andExpect(status().isForbidden());
        verify(drafts, never()).save(any(), any(), any());
        verify(deletion, never()).delete(anyLong(), any());
    }

    @Test
    void shouldAnswerAnUnknownArticleWithNotFound() throws Exception {
        given(drafts.load(99)).willThrow(new org.broadsheet.shared.NotFoundException("article 99"));
        mvc.perform(get("/admin/articles/99/edit").with(user("eden").roles("EDITOR"))).andExpect(status().isNotFound());
    }
}
