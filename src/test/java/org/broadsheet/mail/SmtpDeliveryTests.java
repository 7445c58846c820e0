package org.broadsheet.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * With {@code spring.mail.host} set, the account mails really leave over SMTP (to a GreenMail server started by
 * the test on a free port) and their links work.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestPropertySource(properties = "broadsheet.mail.from=Broadsheet Desk <desk@broadsheet.test>")
class SmtpDeliveryTests {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    Mailer mailer;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldMailTheVerificationLinkOverSmtpAndVerifyTheAddressWithIt() throws Exception {
        mvc.perform(post("/register").with(csrf()).param("username", "smtpreader")
                .param("displayName", "Sam Smtp").param("email", "smtp.reader@example.com")
                .param("password", "postbox-by-the-quay").param("acceptGuidelines", "true"))
                .andExpect(redirectedUrl("/register/thanks"));
        long id = jdbc.queryForObject("SELECT id FROM account WHERE username = 'smtpreader'", Long.class);
        assertThat(accounts.view(id).emailVerified()).isFalse();

        MimeMessage mail = awaitMailTo("smtp.reader@example.com");

        assertThat(mail.getSubject()).isEqualTo("Confirm your email address for Broadsheet");
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("desk@broadsheet.test");
        String token = link(mail, "http://localhost:8080/account/verify?token=");
        org.broadsheet.support.DurableEventsSettled.await(jdbc);
        mvc.perform(get("/account/verify").param("token", token))
                .andExpect(result -> assertThat(result.getResponse().getStatus()).isLessThan(400));
        assertThat(accounts.view(id).emailVerified()).isTrue();
    }

    @Test
    void shouldMailThePasswordResetLinkOverSmtp() throws Exception {
        accounts.createVerified("smtpresetter", "Sal Reset", "smtp.reset@example.com", "lighthouse-keeper-log",
                EnumSet.of(Role.READER));

        mvc.perform(post("/password/forgot").with(csrf()).param("email", "smtp.reset@example.com"))
                .andExpect(redirectedUrl("/password/forgot/sent"));

        MimeMessage mail = awaitMailTo("smtp.reset@example.com");
        assertThat(mail.getSubject()).isEqualTo("Reset your Broadsheet password");
        String token = link(mail, "http://localhost:8080/password/reset?token=");
        // The mail leaves inside the listener's transaction (a refused mail rolls the token back and is tried
        // again): its token is there once that transaction has committed and the event is complete.
        org.broadsheet.support.DurableEventsSettled.await(jdbc);
        assertThat(accounts.resetTokenUsable(token)).isTrue();
    }

    @Test
    void shouldCarryTheExtraHeadersOfAMailOverSmtp() throws Exception {
        mailer.send("smtp.headers@example.com", "A reply to your comment \u2013 \u201cThe harbour\u201d", "Hello",
                java.util.Map.of("List-Unsubscribe", "<http://localhost:8080/notifications/unsubscribe?x=1>",
                        "List-Unsubscribe-Post", "List-Unsubscribe=One-Click"));

        MimeMessage mail = awaitMailTo("smtp.headers@example.com");
        assertThat(mail.getHeader("List-Unsubscribe")[0])
                .isEqualTo("<http://localhost:8080/notifications/unsubscribe?x=1>");
        assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(mail.getSubject()).isEqualTo("A reply to your comment \u2013 \u201cThe harbour\u201d");
        assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("desk@broadsheet.test");
    }

    @Test
    void shouldSendThroughSmtpAndHideTheDeveloperMailbox() throws Exception {
        assertThat(mailer).isNotInstanceOf(DevMailbox.class);
        mvc.perform(get("/dev/mails")).andExpect(status().isNotFound());
    }

    // -------------------------------------------------------------------------------------------------------

    private static MimeMessage awaitMailTo(String address) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        do {
            for (MimeMessage message : smtp.getReceivedMessages()) {
                List<String> to = Arrays.stream(message.getRecipients(RecipientType.TO))
                        .map(a -> ((InternetAddress) a).getAddress()).toList();
                if (to.contains(address)) {
                    return message;
                }
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("No mail to " + address + " arrived over SMTP");
    }

    /** The token of the link starting with {@code prefix} in the mail's text (decoded, not the raw SMTP data). */
    private static String link(MimeMessage mail, String prefix) throws Exception {
        String text = String.valueOf(mail.getContent());
        Matcher link = Pattern.compile(Pattern.quote(prefix) + "([A-Za-z0-9_-]{20,})").matcher(text);
        assertThat(link.find()).as("link %s… in %s", prefix, text).isTrue();
        return link.group(1);
    }
}
