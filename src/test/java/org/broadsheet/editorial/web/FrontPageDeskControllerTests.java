package org.broadsheet.editorial.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.broadsheet.article.SectionTrees;
import org.broadsheet.article.Catalogue.FrontPageDesk;
import org.broadsheet.article.Catalogue.Pin;
import org.broadsheet.article.Catalogue.PinChoice;
import org.broadsheet.article.EditRefusedException;
import org.broadsheet.article.FrontPageChoices;
import org.broadsheet.article.FrontPagePins;
import org.broadsheet.article.StaleEditException;
import org.broadsheet.article.Views.ArticleCard;
import org.broadsheet.article.Views.SectionLink;
import org.broadsheet.shared.Datelines;
import org.broadsheet.web.WebSliceTestConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The front page's pins: what readers see, choosing stories without script, clearing, refusing a page another
 * editor's change overtook, and who may.
 */
@WebMvcTest(FrontPageDeskController.class)
@Import(WebSliceTestConfig.class)
class FrontPageDeskControllerTests {

    private static final SectionLink WORLD = new SectionLink(2, "world", "World", "/sections/world");

    @Autowired
    MockMvc mvc;

    @Autowired
    Datelines datelines;

    @MockitoBean
    FrontPageChoices choices;

    @MockitoBean
    FrontPagePins pins;

    @MockitoBean
    SectionTrees sections;

    private ArticleCard card(long id, String headline) {
        return new ArticleCard(id, "/world/2026/11/27/story-" + id, headline, "Standfirst", "News", WORLD, List.of(),
                datelines.of(WebSliceTestConfig.NOW), null, 0);
    }

    private PinChoice choice(long id, String headline) {
        return new PinChoice(id, headline, "World", datelines.of(Instant.parse("2026-11-20T09:30:00Z")));
    }

    private FrontPageDesk desk() {
        return new FrontPageDesk(new Pin(11, "Bridge reopens", true),
                List.of(new Pin(13, "Ferry strike", true), new Pin(14, "Tomorrow's budget", false)),
                card(11, "Bridge reopens"), List.of(card(13, "Ferry strike"), card(12, "Latest <news>")),
                Set.of(11L, 13L),
                List.of(choice(12, "Latest <news>"), choice(11, "Bridge reopens"), choice(13, "Ferry strike"),
                        choice(14, "Tomorrow's budget")), 7);
    }

    @BeforeEach
    void pins() {
        given(choices.frontPageDesk(any())).willReturn(desk());
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void shouldShowWhatReadersSeeMarkingPinnedAndLatestStories() throws Exception {
        Document page = page(get("/admin/front-page").with(user("eden").roles("EDITOR")));

        assertThat(page.select("h1").text()).isEqualTo("Front page");
        assertThat(page.select(".front-now-lead").text()).isEqualTo("Bridge reopens Pinned");
        assertThat(page.select(".front-now-top li").eachText())
                .containsExactly("Ferry strike Pinned", "Latest <news> Latest");
        assertThat(page.select(".pin-hidden").text()).contains("\"Tomorrow's budget\" is not published");
    }

    @Test
    void shouldOfferTheStoriesInSelectListsWithThePinsChosen() throws Exception {
        Document page = page(get("/admin/front-page").with(user("eden").roles("EDITOR")));

        assertThat(page.select("#lead option").eachText()).hasSize(5)
                .contains("The latest story (not pinned)", "Latest <news> (World, 20 Nov 2026)");
        assertThat(page.select("#lead option[selected]").val()).isEqualTo("11");
        assertThat(page.select("#top-1 option[selected]").val()).isEqualTo("13");
        assertThat(page.select("#top-2 option[selected]").val()).isEqualTo("14");
        assertThat(page.select("#top-3 option[selected]")).isEmpty();
        assertThat(page.select("label[for=top-4]").text()).isEqualTo("Top story 4");
        assertThat(page.select("form.pin-form input[name=_csrf]")).hasSize(1);
        assertThat(page.select("form[action=/admin/front-page/clear] button").text()).isEqualTo("Clear the pins");
        // Both forms carry the version of the pins they show.
        assertThat(page.select("form.pin-form input[name=version]").val()).isEqualTo("7");
        assertThat(page.select("form[action=/admin/front-page/clear] input[name=version]").val()).isEqualTo("7");
        assertThat(page.select(".stale-notice")).isEmpty();
    }

    @Test
    void shouldSearchForStoriesToPinAndKeepTheSearch() throws Exception {
        Document page = page(get("/admin/front-page").param("q", "  ferry ").with(user("eden").roles("EDITOR")));

        verify(choices).frontPageDesk("ferry");
        assertThat(page.select("#front-q").val()).isEqualTo("ferry");
        assertThat(page.select("form.pin-form input[name=q]").val()).isEqualTo("ferry");
        assertThat(page.select(".desk-count").text()).contains("4 published stories match \"ferry\"");
    }

    @Test
    void shouldPinTheChosenStoriesInTheirOrder() throws Exception {
        mvc.perform(post("/admin/front-page").with(user("eden").roles("EDITOR")).with(csrf())
                .param("lead", "12").param("top", "", "13", "", "11").param("q", "ferry boats").param("version", "7"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/admin/front-page?q=ferry%20boats"))
                .andExpect(flash().attribute("notice", "catalogue.front.saved"));

        verify(pins).pinFrontPage(7L, 12L, Arrays.asList(null, 13L, null, 11L), "eden");
    }

    @Test
    void shouldPinNothingWhenEveryPlaceIsLeftOnTheLatest() throws Exception {
        mvc.perform(post("/admin/front-page").with(user("eden").roles("EDITOR")).with(csrf())
                .param("lead", "").param("top", "", "", "", "").param("version", "7")).andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/front-page"));

        verify(pins).pinFrontPage(7L, null, Arrays.asList(null, null, null, null), "eden");
    }

    @Test
    void shouldAnswerAStoryThatIsNotANumberWithBadRequest() throws Exception {
        for (String[] fields : new String[][] {{"abc", "14", "6"}, {"12", "x", "6"}, {"12", "14", "six"}}) {
            mvc.perform(post("/admin/front-page").with(user("eden").roles("EDITOR")).with(csrf())
                    .param("lead", fields[0]).param("top", fields[1]).param("version", fields[2]))
                    .andExpect(status().isBadRequest());
        }
        verify(pins, never()).pinFrontPage(any(), any(), any(), anyString());
    }

    @Test
    void shouldShowARefusalAndKeepTheChoices() throws Exception {
        willThrow(new EditRefusedException("top", "catalogue.front.twice")).given(pins)
                .pinFrontPage(any(), eq(12L), any(), anyString());

        Document page = page(post("/admin/front-page").with(user("eden").roles("EDITOR")).with(csrf())
                .param("lead", "12").param("top", "12", "", "14", "").param("version", "6"));

        assertThat(page.select("#top-error").text())
                .isEqualTo("Each story can have only one place: please choose different stories.");
        assertThat(page.select("#lead option[selected]").val()).isEqualTo("12");
        assertThat(page.select("#top-1 option[selected]").val()).isEqualTo("12");
        assertThat(page.select("#top-2 option[selected]")).isEmpty();
        assertThat(page.select("#top-3 option[selected]").val()).isEqualTo("14");
        // Still over the pins the editor saw: what changed meanwhile is not taken on without a word.
        assertThat(page.select("form.pin-form input[name=version]").val()).isEqualTo("6");
    }

    @Test
    void shouldRefusePinsAnotherEditorChangedMeanwhileKeepingTheChoicesOverTheNewVersion() throws Exception {
        willThrow(new StaleEditException("front page")).given(pins)
                .pinFrontPage(eq(6L), any(), any(), anyString());

        Document page = page(post("/admin/front-page").with(user("eden").roles("EDITOR")).with(csrf())
                .param("lead", "12").param("top", "14", "", "", "").param("q", "ferry").param("version", "6"));

        assertThat(page.select(".stale-notice[role=alert]").text())
                .startsWith("Another editor changed the front page's pins after you opened this page")
                .contains("your choices are kept in the form");
        // What readers see now is the other editor's front page; the editor's own choices stay in the form.
        assertThat(page.select(".front-now-lead").text()).isEqualTo("Bridge reopens Pinned");
        assertThat(page.select("#lead option[selected]").val()).isEqualTo("12");
        assertThat(page.select("#top-1 option[selected]").val()).isEqualTo("14");
        assertThat(page.select("#top-2 option[selected]")).isEmpty();
        assertThat(page.select("form.pin-form input[name=q]").val()).isEqualTo("ferry");
        // Saving again is a deliberate choice over the pins now saved.
        assertThat(page.select("form.pin-form input[name=version]").val()).isEqualTo("7");
        verify(choices).frontPageDesk("ferry");
    }

    @Test
    void shouldClearThePins() throws Exception {
        mvc.perform(post("/admin/front-page/clear").with(user("eden").roles("EDITOR")).with(csrf())
                .param("version", "7"))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/admin/front-page"))
                .andExpect(flash().attribute("notice", "catalogue.front.cleared"));

        verify(pins).clearFrontPage(7L, "eden");
    }

    @Test
    void shouldRefuseToClearPinsAnotherEditorChangedMeanwhile() throws Exception {
        willThrow(new StaleEditException("front page")).given(pins).clearFrontPage(eq(6L), anyString());

        Document page = page(post("/admin/front-page/clear").with(user("eden").roles("EDITOR")).with(csrf())
                .param("version", "6"));

        assertThat(page.select(".stale-notice[role=alert]").text()).contains("so nothing was cleared");
        // The form shows the pins as they are now, over their version.
        assertThat(page.select("#lead option[selected]").val()).isEqualTo("11");
        assertThat(page.select("#top-1 option[selected]").val()).isEqualTo("13");
        assertThat(page.select("form.pin-form input[name=version]").val()).isEqualTo("7");
        assertThat(page.select("form[action=/admin/front-page/clear] input[name=version]").val()).isEqualTo("7");
    }

    @Test
    void shouldOpenOnlyToEditorsAndAdministrators() throws Exception {
        EditorsOnly.assertPagesOpenOnlyToEditors(mvc, "/admin/front-page");
    }

    @Test
    void shouldRefuseAFormWithoutItsCsrfToken() throws Exception {
        EditorsOnly.assertPostsNeedTheCsrfToken(mvc, "/admin/front-page", "/admin/front-page/clear");
        verify(pins, never()).pinFrontPage(any(), any(), any(), anyString());
        verify(pins, never()).clearFrontPage(any(), anyString());
    }
}
