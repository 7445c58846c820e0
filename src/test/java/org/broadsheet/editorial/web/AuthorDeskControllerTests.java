package org.broadsheet.editorial.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.AccountViews.Commenter;
import org.broadsheet.article.SectionTrees;
import org.broadsheet.media.MediaRejectedException;
import org.broadsheet.media.MediaService;
import org.broadsheet.media.StoredImage;
import org.broadsheet.article.AuthorCatalogue;
import org.broadsheet.article.Catalogue.AuthorChange;
import org.broadsheet.article.Catalogue.AuthorDetails;
import org.broadsheet.article.Catalogue.AuthorRow;
import org.broadsheet.article.EditRefusedException;
import org.broadsheet.article.StaleEditException;
import org.broadsheet.shared.NotFoundException;
import org.broadsheet.web.WebSliceTestConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The editors' author pages: the list, the profile form and its rules, and who may use them. */
@WebMvcTest(AuthorDeskController.class)
@Import({ WebSliceTestConfig.class, FormUploads.class })
class AuthorDeskControllerTests {

    private static final AuthorDetails ZOE = new AuthorDetails(7, "zoe-ni-bhriain", "Zoë Ní Bhriain",
            "Europe correspondent", "Based in Velsund.\nLikes trains.", "/images/zoe.jpg", 40L, 3,
            "/authors/zoe-ni-bhriain");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AuthorCatalogue catalogue;

    @MockitoBean
    AccountService accounts;

    @MockitoBean
    SectionTrees sections;

    @MockitoBean
    MediaService media;

    @BeforeEach
    void authors() {
        given(catalogue.authors()).willReturn(List.of(
                new AuthorRow(7, "zoe-ni-bhriain", "Zoë Ní Bhriain", "Europe correspondent", 40L, 12,
                        "/authors/zoe-ni-bhriain"),
                new AuthorRow(8, "sam", "Sam <Okafor>", null, null, 0, "/authors/sam")));
        given(catalogue.author(7)).willReturn(ZOE);
        given(catalogue.author(99)).willThrow(new NotFoundException("author 99"));
        given(accounts.commenters(any())).willReturn(Map.of(40L,
                new Commenter(40, "zoe", "Zoë", true, false, true)));
        given(accounts.idOf("zoe")).willReturn(Optional.of(40L));
        given(accounts.idOf("nobody")).willReturn(Optional.empty());
    }

    /** The form as posted: Zoë's profile, with the fields given (name, value, ...) typed over it. */
    private MockHttpServletRequestBuilder save(String url, String... fields) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "Zoë Ní Bhriain");
        form.put("slug", "zoe-ni-bhriain");
        form.put("roleTitle", "Europe correspondent");
        form.put("bio", "Line one.\r\nLine two.");
        form.put("photoUrl", "/images/zoe.jpg");
        form.put("account", "zoe");
        form.put("version", "3");
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        MockHttpServletRequestBuilder request = post(url).with(user("eden").roles("EDITOR")).with(csrf());
        form.forEach(request::param);
        return request;
    }

    private Document page(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void shouldListAuthorsWithTheirAccountsAndArticles() throws Exception {
        Document page = page(get("/admin/authors").with(user("eden").roles("EDITOR")));

        assertThat(page.select("h1").text()).isEqualTo("Authors");
        assertThat(page.select("#author-7 th a").attr("href")).isEqualTo("/admin/authors/7");
        assertThat(page.select("#author-7 td").eachText())
                .containsExactly("Europe correspondent", "/authors/zoe-ni-bhriain", "zoe", "12");
        assertThat(page.select("#author-8 th").text()).isEqualTo("Sam <Okafor>");
        assertThat(page.select("a[href=/admin/authors/new]").text()).isEqualTo("New author");
    }

    @Test
    void shouldFillTheFormWithTheProfileAndTheAccountsUsername() throws Exception {
        Document page = page(get("/admin/authors/7").with(user("eden").roles("EDITOR")));

        assertThat(page.select("h1").text()).isEqualTo("Author: Zoë Ní Bhriain");
        assertThat(page.select("#name").val()).isEqualTo("Zoë Ní Bhriain");
        assertThat(page.select("#slug").val()).isEqualTo("zoe-ni-bhriain");
        assertThat(page.select("#bio").val()).isEqualTo("Based in Velsund.\nLikes trains.");
        assertThat(page.select("#account").val()).isEqualTo("zoe");
        assertThat(page.select("input[name=version]").val()).isEqualTo("3");
        assertThat(page.select("form.catalogue-form").attr("action")).isEqualTo("/admin/authors/7");
        assertThat(page.select("form.catalogue-form input[name=_csrf]")).hasSize(1);
        assertThat(page.select("a[href=/authors/zoe-ni-bhriain]")).hasSize(1);
    }

    @Test
    void shouldSaveTheProfileWithTheLinkedAccountAndSayWhoWasSaved() throws Exception {
        mvc.perform(save("/admin/authors/7")).andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/authors"))
                .andExpect(flash().attribute("notice", "catalogue.author.saved"))
                .andExpect(flash().attribute("noticeName", "Zoë Ní Bhriain"));

        ArgumentCaptor<AuthorChange> change = ArgumentCaptor.forClass(AuthorChange.class);
        verify(catalogue).saveAuthor(eq(7L), change.capture(), eq("eden"));
        assertThat(change.getValue()).isEqualTo(new AuthorChange("Zoë Ní Bhriain", "zoe-ni-bhriain",
                "Europe correspondent", "Line one.\nLine two.", "/images/zoe.jpg", 40L, 3L));
    }

    @Test
    void shouldCreateAnAuthorWithoutAccount() throws Exception {
        mvc.perform(save("/admin/authors/new", "account", "", "version", "")).andExpect(status().isFound())
                .andExpect(flash().attribute("notice", "catalogue.author.created"));

        ArgumentCaptor<AuthorChange> change = ArgumentCaptor.forClass(AuthorChange.class);
        verify(catalogue).saveAuthor(isNull(), change.capture(), eq("eden"));
        assertThat(change.getValue().accountId()).isNull();
        assertThat(change.getValue().version()).isNull();
    }

    @Test
    void shouldShowEachMistakeNextToItsFieldAndKeepWhatWasTyped() throws Exception {
        Document page = page(save("/admin/authors/new", "name", "  ", "account", "nobody", "photoUrl",
                "//elsewhere.example/zoe.jpg", "bio", "x".repeat(2001), "version", ""));

        assertThat(page.select("#name-error").text()).isEqualTo("Please enter a name.");
        assertThat(page.select("#account-error").text()).isEqualTo("There is no reader account with that username.");
        assertThat(page.select("#photoUrl-error").text()).startsWith("Please give the address of a picture on this site");
        assertThat(page.select("#bio-error").text()).isEqualTo("Please keep the biography to 2,000 characters or fewer.");
        assertThat(page.select("#slug-error")).isEmpty();
        assertThat(page.select("#account").val()).isEqualTo("nobody");
        assertThat(page.select("#photoUrl").val()).isEqualTo("//elsewhere.example/zoe.jpg");
        assertThat(page.select("#roleTitle").val()).isEqualTo("Europe correspondent");
        assertThat(page.select("[role=alert]").text()).contains("Please correct the errors below");
        verify(catalogue, never()).saveAuthor(any(), any(), anyString());
    }

    @Test
    void shouldRefuseAPhotoThatIsNotAPictureOnThisSite() throws Exception {
        for (String photo : List.of("javascript:alert(1)", "https://elsewhere.example/a.jpg", "/images/a b.jpg")) {
            Document page = page(save("/admin/authors/7", "photoUrl", photo));
            assertThat(page.select("#photoUrl-error").text()).as(photo).isNotBlank();
        }
        verify(catalogue, never()).saveAuthor(any(), any(), anyString());
    }

    @Test
    void shouldStoreAnUploadedPhotoAndUseItsSmallestCopy() throws Exception {
        given(media.storeImage(eq("zoe.png"), any())).willReturn(new StoredImage(9, "/media/9/1600.jpg", 1600, 1600,
                "/media/9/480.jpg 480w, /media/9/960.jpg 960w, /media/9/1600.jpg 1600w", "image/jpeg"));
        MockMultipartFile photo = new MockMultipartFile("photoFile", "zoe.png", "image/png", new byte[] {1, 2, 3});

        MockMultipartHttpServletRequestBuilder upload = multipart("/admin/authors/7").file(photo);
        Map.of("name", "Zoë Ní Bhriain", "slug", "zoe-ni-bhriain", "account", "zoe", "version", "3",
                "photoUrl", "/images/zoe.jpg").forEach(upload::param);
        mvc.perform(upload.with(user("eden").roles("EDITOR")).with(csrf())).andExpect(redirectedUrl("/admin/authors"));

        ArgumentCaptor<AuthorChange> change = ArgumentCaptor.forClass(AuthorChange.class);
        verify(catalogue).saveAuthor(eq(7L), change.capture(), eq("eden"));
        assertThat(change.getValue().photoUrl()).isEqualTo("/media/9/480.jpg");
    }

    @Test
    void shouldKeepAStoredPhotoAndShowAnotherFieldsErrorTogether() throws Exception {
        given(media.storeImage(eq("zoe.png"), any())).willReturn(new StoredImage(9, "/media/9/1600.jpg", 1600, 1600,
                "/media/9/480.jpg 480w, /media/9/1600.jpg 1600w", "image/jpeg"));
        MockMultipartFile photo = new MockMultipartFile("photoFile", "zoe.png", "image/png", new byte[] {1, 2, 3});

        MockMultipartHttpServletRequestBuilder upload = multipart("/admin/authors/7").file(photo);
        Map.of("name", "Zoë Ní Bhriain", "slug", "zoe-ni-bhriain", "account", "nobody", "version", "3")
                .forEach(upload::param);
        Document page = page(upload.with(user("eden").roles("EDITOR")).with(csrf()));

        assertThat(page.select("#account-error").text()).isEqualTo("There is no reader account with that username.");
        assertThat(page.select("#photoUrl").val()).isEqualTo("/media/9/480.jpg");
        verify(catalogue, never()).saveAuthor(any(), any(), anyString());
    }

    @Test
    void shouldShowARefusedPhotoNextToItsFieldAndKeepTheRest() throws Exception {
        given(media.storeImage(any(), any())).willThrow(new MediaRejectedException(MediaRejectedException.IMAGE_TYPE));
        MockMultipartFile photo = new MockMultipartFile("photoFile", "zoe.jpg", "image/jpeg", new byte[] {1, 2, 3});

        MockMultipartHttpServletRequestBuilder upload = multipart("/admin/authors/7").file(photo);
        Map.of("name", "Zoë Ní Bhriain", "slug", "zoe-ni-bhriain", "roleTitle", "Europe editor", "version", "3")
                .forEach(upload::param);
        Document page = page(upload.with(user("eden").roles("EDITOR")).with(csrf()));

        assertThat(page.select("#photoUrl-error").text()).isNotBlank();
        assertThat(page.select("#roleTitle").val()).isEqualTo("Europe editor");
        verify(catalogue, never()).saveAuthor(any(), any(), anyString());
    }

    @Test
    void shouldSayTheAddressIsTakenNextToTheSlug() throws Exception {
        given(catalogue.saveAuthor(eq(7L), any(), anyString()))
                .willThrow(new EditRefusedException("slug", "catalogue.author.slug.taken"));

        Document page = page(save("/admin/authors/7", "slug", "sam"));

        assertThat(page.select("#slug-error").text()).startsWith("That address is taken by another author");
        assertThat(page.select("#slug").val()).isEqualTo("sam");
        assertThat(page.select("#bio").val()).isEqualTo("Line one.\nLine two.");
    }

    @Test
    void shouldShowWhatTheOtherEditorSavedAndKeepTheInputOverTheNewVersion() throws Exception {
        given(catalogue.saveAuthor(eq(7L), any(), anyString())).willThrow(new StaleEditException("author 7"));
        given(catalogue.author(7)).willReturn(ZOE, new AuthorDetails(7, "zoe-ni-bhriain", "Zoë N. Bhriain",
                "Brussels correspondent", "Moved to Brussels.", null, 40L, 4, "/authors/zoe-ni-bhriain"));

        Document page = page(save("/admin/authors/7", "name", "Zoë Ní Bhriain (Velsund)"));

        assertThat(page.select(".stale-notice p").text()).startsWith("Someone else saved this while you were editing");
        assertThat(page.select(".stale-values dd").eachText()).contains("Zoë N. Bhriain", "Brussels correspondent",
                "Moved to Brussels.");
        assertThat(page.select("#name").val()).isEqualTo("Zoë Ní Bhriain (Velsund)");
        assertThat(page.select("#roleTitle").val()).isEqualTo("Europe correspondent");
        assertThat(page.select("input[name=version]").val()).isEqualTo("4");
    }

    @Test
    void shouldShowTheFormAgainRatherThanAnErrorWhenTheVersionIsTamperedWith() throws Exception {
        Document page = page(save("/admin/authors/7", "version", "newest"));

        assertThat(page.select("#name").val()).isEqualTo("Zoë Ní Bhriain");
        verify(catalogue, never()).saveAuthor(any(), any(), anyString());
    }

    @Test
    void shouldAnswerAnUnknownAuthorWithNotFound() throws Exception {
        mvc.perform(get("/admin/authors/99").with(user("eden").roles("EDITOR"))).andExpect(status().isNotFound());
    }

    @Test
    void shouldOpenOnlyToEditorsAndAdministrators() throws Exception {
        EditorsOnly.assertPagesOpenOnlyToEditors(mvc, "/admin/authors", "/admin/authors/new", "/admin/authors/7");
    }

    @Test
    void shouldRefuseAFormWithoutItsCsrfToken() throws Exception {
        EditorsOnly.assertPostsNeedTheCsrfToken(mvc, "/admin/authors/new", "/admin/authors/7");
        verify(catalogue, never()).saveAuthor(any(), any(), anyString());
    }
}
