package org.broadsheet.comment.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.broadsheet.comment.web.CommentFixtures.ANA_ID;
import static org.broadsheet.comment.web.CommentFixtures.ana;
import static org.mockito.BDDMockito.given;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.broadsheet.article.SectionTrees;
import org.broadsheet.comment.IgnoredReaders;
import org.broadsheet.comment.CommentViews.IgnoredReader;
import org.broadsheet.web.WebSliceTestConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The list of readers someone ignores, in their account settings, with the comment service mocked. */
@WebMvcTest(IgnoredReadersController.class)
@Import(WebSliceTestConfig.class)
class IgnoredReadersControllerTests {

    @Autowired
    MockMvc mvc;

    

    @MockitoBean
    IgnoredReaders ignoredReaders;

    @MockitoBean
    SectionTrees sections;

    private Document html(String path) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(user(ana()))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
    }

    @Test
    void shouldListTheIgnoredReadersEachWithAButtonToStopIgnoringThem() throws Exception {
        given(ignoredReaders.of(ANA_ID)).willReturn(List.of(new IgnoredReader("sam", "Sam Okafor"),
                new IgnoredReader("ivy", "Ivy Noise")));

        Document page = html("/account/ignored");

        assertThat(page.select("h1").text()).isEqualTo("Readers you ignore");
        assertThat(page.select(".ignored-list > li > a").eachText()).containsExactly("Sam Okafor", "Ivy Noise");
        assertThat(page.select(".ignored-list > li > a").eachAttr("href")).containsExactly("/users/sam", "/users/ivy");
        assertThat(page.select(".ignored-list form").eachAttr("action")).containsExactly("/account/ignored/remove",
                "/account/ignored/remove");
        assertThat(page.select(".ignored-list form")).allSatisfy(form -> {
            assertThat(form.attr("method")).isEqualTo("post");
            assertThat(form.select("input[name=_csrf]")).hasSize(1);
        });
        assertThat(page.select(".ignored-list input[name=username]").eachAttr("value")).containsExactly("sam", "ivy");
        assertThat(page.select(".ignored-list button").eachText()).containsExactly("Stop ignoring Sam Okafor",
                "Stop ignoring Ivy Noise");
        assertThat(page.select(".empty")).isEmpty();
    }

    @Test
    void shouldSayWhenTheReaderIgnoresNobody() throws Exception {
        given(ignoredReaders.of(ANA_ID)).willReturn(List.of());

        Document page = html("/account/ignored");

        assertThat(page.select(".empty").text()).isEqualTo("You do not ignore anyone.");
        assertThat(page.select(".ignored-list")).isEmpty();
        assertThat(page.select("main a[href=/account]").text()).isEqualTo("Your account");
    }

    @Test
    void shouldStopIgnoringAReaderAndSaySo() throws Exception {
        given(ignoredReaders.unignore(ana().id(), "sam")).willReturn("Sam Okafor");

        mvc.perform(post("/account/ignored/remove").param("username", "sam").with(user(ana())).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/account/ignored"))
                .andExpect(flash().attribute("notice", "ignored.removed"))
                .andExpect(flash().attribute("noticeName", "Sam Okafor"));
    }

    @Test
    void shouldRefuseToStopIgnoringWithoutTheCsrfToken() throws Exception {
        mvc.perform(post("/account/ignored/remove").param("username", "sam").with(user(ana())))
                .andExpect(status().isForbidden());
    }

    @Test
    void shouldSendAnonymousReadersToSignIn() throws Exception {
        mvc.perform(get("/account/ignored")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/account/ignored/remove").param("username", "sam").with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    }
}
