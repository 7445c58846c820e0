package org.broadsheet.mail.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;

import org.broadsheet.article.SectionTrees;
import org.broadsheet.mail.DevMailbox;
import org.broadsheet.mail.Mailer;
import org.broadsheet.web.WebSliceTestConfig;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The developer mailbox page: the mails kept by {@link DevMailbox}, printed as text, and nothing at all when
 * mail goes elsewhere.
 */
@WebMvcTest(controllers = DevMailboxController.class)
@Import({ WebSliceTestConfig.class, DevMailboxControllerTests.Mailbox.class })
class DevMailboxControllerTests {

    @TestConfiguration(proxyBeanMethods = false)
    static class Mailbox {

        @Bean
        DevMailbox mailer(Clock clock) {
            // A fraction of a second, as the system clock has: the page must print whole seconds.
            return new DevMailbox(Clock.offset(clock, Duration.ofNanos(123_456_789)));
        }
    }

    @Autowired
    MockMvc mvc;

    @MockitoBean
    SectionTrees sections;

    @Autowired
    Mailer mailer;

    @Test
    void shouldListTheMailsNewestFirstAsEscapedText() throws Exception {
        mailer.send("first@example.com", "Older mail", "Nothing to see.");
        mailer.send("reader@example.com", "Confirm <b>now</b>",
                "Hello <script>alert('x')</script> & co,\n\nhttp://localhost:8080/account/verify?token=abc_DEF-123\n");

        String html = mvc.perform(get("/dev/mails")).andExpect(status().isOk())
                .andExpect(header().string("X-Robots-Tag", "noindex, nofollow"))
                .andReturn().getResponse().getContentAsString();

        assertThat(html).doesNotContain("<script>alert", "<b>now</b>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        Document page = Jsoup.parse(html);
        assertThat(page.select("meta[name=robots]").attr("content")).contains("noindex");
        assertThat(page.select("main script, main b")).isEmpty();
        Element newest = page.select("article.dev-mail").first();
        assertThat(page.select("article.dev-mail h2").eachText()).startsWith("Confirm <b>now</b>", "Older mail");
        assertThat(newest.select(".dev-mail-to").text()).isEqualTo("reader@example.com");
        assertThat(newest.select("time").attr("datetime")).isEqualTo("2026-11-27T12:00:00Z");
        assertThat(newest.select("pre").first().wholeText()).isEqualTo(
                "Hello <script>alert('x')</script> & co,\n\nhttp://localhost:8080/account/verify?token=abc_DEF-123\n");
        // The site's own links become paths, so they work on whatever port the demo runs.
        assertThat(newest.select("a").eachAttr("href")).containsExactly("/account/verify?token=abc_DEF-123");
    }

    @Test
    void shouldShowTheMailboxOnlyOnThisMachineOrToAnAdministrator() throws Exception {
        mailer.send("reader@example.com", "Reset your password", "http://localhost:8080/password/reset?token=t");

        mvc.perform(get("/dev/mails").with(from("203.0.113.9"))).andExpect(status().isNotFound());
        mvc.perform(get("/dev/mails").with(from("10.1.2.3"))).andExpect(status().isNotFound());
        mvc.perform(get("/dev/mails").with(from("127.0.0.1")).header("X-Forwarded-For", "203.0.113.9"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/dev/mails").with(from("127.0.0.1")).header("Forwarded", "for=203.0.113.9"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/dev/mails").with(from("203.0.113.9"))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                        .user("reader").roles("READER"))).andExpect(status().isNotFound());

        mvc.perform(get("/dev/mails").with(from("::1"))).andExpect(status().isOk());
        String page = mvc.perform(get("/dev/mails").with(from("203.0.113.9"))
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                        .user("admin").roles("ADMIN"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(page).select(".dev-mail-access").text())
                .contains("only to a browser on the computer the site runs on", "administrators");
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Nested
    class WhenMailGoesThroughSmtp {

        @MockitoBean
        Mailer smtp;

        @Test
        void shouldNotFindTheMailbox() throws Exception {
            assertThat(smtp).isNotInstanceOf(DevMailbox.class);
            mvc.perform(get("/dev/mails")).andExpect(status().isNotFound());
        }
    }
}
