package org.broadsheet.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.broadsheet.mail.DevMailbox;
import org.broadsheet.mail.DevMailbox.SentMail;
import org.broadsheet.mail.Mailer;
import org.broadsheet.support.MutableClock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Password reset as a reader goes through it: ask for a link, take it from the mail (the developer mailbox),
 * choose a new password, sign in with it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(MutableClock.Config.class)
class PasswordResetTests {

    private static final String OLD_PASSWORD = "lantern-over-harbour";
    private static final String NEW_PASSWORD = "ferry-quietly-crossing";
    private static final Pattern RESET_LINK = Pattern.compile(
            "http://localhost:8080/password/reset\\?token=([A-Za-z0-9_-]{20,})");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    Mailer mailer;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    private String username;
    private String email;

    @BeforeEach
    void createAccount() {
        // Failed sign-ins of earlier tests leave the throttle's window.
        clock.advance(Duration.ofHours(1));
        username = "resetter" + SEQUENCE.incrementAndGet();
        email = username + "@example.com";
        assertThat(accounts.createVerified(username, "Rae Setter", email, OLD_PASSWORD, EnumSet.of(Role.READER)))
                .isTrue();
    }

    @Test
    void shouldAnswerKnownAndUnknownAddressesIdentically() throws Exception {
        MvcResult known = requestReset(email).andReturn();
        MvcResult unknown = requestReset("nobody-" + username + "@example.com").andReturn();

        assertThat(unknown.getResponse().getStatus()).isEqualTo(known.getResponse().getStatus()).isEqualTo(302);
        assertThat(unknown.getResponse().getRedirectedUrl()).isEqualTo(known.getResponse().getRedirectedUrl())
                .isEqualTo("/password/forgot/sent");
        assertThat(unknown.getResponse().getContentAsString()).isEqualTo(known.getResponse().getContentAsString());
        assertThat(unknown.getResponse().getHeaderNames()).isEqualTo(known.getResponse().getHeaderNames());

        String sentPage = mvc.perform(get(known.getResponse().getRedirectedUrl())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(sentPage).select("main").text())
                .contains("If an account uses that address, we have sent a link");
        // Only the known address gets a mail.
        assertThat(awaitResetTokens(email, 1)).hasSize(1);
        assertThat(mailbox().recent()).noneMatch(mail -> mail.to().startsWith("nobody-" + username));
    }

    @Test
    void shouldResetThePasswordWithTheMailedLink() throws Exception {
        requestReset(email).andExpect(redirectedUrl("/password/forgot/sent"));
        String token = awaitResetTokens(email, 1).get(0);

        Document form = page(mvc.perform(get("/password/reset").param("token", token)).andExpect(status().isOk()));
        assertThat(form.select("h1").text()).isEqualTo("Choose a new password");
        assertThat(form.select("form[action=/password/reset] input[type=hidden][name=token]").val()).isEqualTo(token);
        assertThat(form.select("input#password").attr("autocomplete")).isEqualTo("new-password");

        reset(token, NEW_PASSWORD).andExpect(redirectedUrl("/login?reset"));

        assertThat(page(mvc.perform(get("/login").param("reset", ""))).select("main").text())
                .contains("Your password has been changed");
        signIn(username, NEW_PASSWORD).andExpect(authenticated().withUsername(username));
        signIn(username, OLD_PASSWORD).andExpect(redirectedUrl("/login?error")).andExpect(unauthenticated());
        signIn(email, NEW_PASSWORD).andExpect(authenticated().withUsername(username));
    }

    @Test
    void shouldAcceptALinkOnlyOnce() throws Exception {
        requestReset(email);
        String token = awaitResetTokens(email, 1).get(0);
        reset(token, NEW_PASSWORD).andExpect(redirectedUrl("/login?reset"));

        assertExpiredPage(mvc.perform(get("/password/reset").param("token", token)));
        assertExpiredPage(reset(token, "another-fresh-passphrase"));

        signIn(username, NEW_PASSWORD).andExpect(authenticated());
        signIn(username, "another-fresh-passphrase").andExpect(unauthenticated());
    }

    @Test
    void shouldExpireTheLinkAfterAnHour() throws Exception {
        requestReset(email);
        String token = awaitResetTokens(email, 1).get(0);

        clock.advance(Duration.ofMinutes(59));
        mvc.perform(get("/password/reset").param("token", token)).andExpect(status().isOk())
                .andExpect(result -> assertThat(result.getResponse().getContentAsString())
                        .contains("Choose a new password"));

        clock.advance(Duration.ofMinutes(2));
        assertExpiredPage(mvc.perform(get("/password/reset").param("token", token)));
        assertExpiredPage(reset(token, NEW_PASSWORD));

        signIn(username, OLD_PASSWORD).andExpect(authenticated());
        signIn(username, NEW_PASSWORD).andExpect(unauthenticated());
    }

    @Test
    void shouldKeepTheFirstLinkAndTheOldPasswordWorkingWhenAResetIsRequestedTwice() throws Exception {
        requestReset(email);
        String first = awaitResetTokens(email, 1).get(0);
        requestReset(email);
        List<String> tokens = awaitResetTokens(email, 2);
        assertThat(tokens.get(1)).isEqualTo(first);
        String second = tokens.get(0);
        assertThat(second).isNotEqualTo(first);

        // Asking for links changes nothing until one is used: someone else asking cannot lock the reader out.
        signIn(username, OLD_PASSWORD).andExpect(authenticated());
        assertThat(accounts.resetTokenUsable(first)).isTrue();
        assertThat(accounts.resetTokenUsable(second)).isTrue();

        reset(first, NEW_PASSWORD).andExpect(redirectedUrl("/login?reset"));

        // Using one link uses up the others.
        assertExpiredPage(mvc.perform(get("/password/reset").param("token", second)));
        signIn(username, NEW_PASSWORD).andExpect(authenticated());
    }

    @Test
    void shouldForgetRememberedSignInsOfThatAccountOnly() throws Exception {
        String other = username + "x";
        accounts.createVerified(other, "Otto Other", other + "@example.com", OLD_PASSWORD, EnumSet.of(Role.READER));
        Cookie laptop = rememberMeCookie(signIn(username, OLD_PASSWORD, true).andExpect(authenticated()));
        Cookie phone = rememberMeCookie(signIn(username, OLD_PASSWORD, true).andExpect(authenticated()));
        Cookie otherLaptop = rememberMeCookie(signIn(other, OLD_PASSWORD, true).andExpect(authenticated()));
        assertThat(rememberedSignIns(username)).isEqualTo(2);
        assertThat(rememberedSignIns(other)).isEqualTo(1);
        mvc.perform(get("/login").cookie(laptop)).andExpect(authenticated().withUsername(username));

        requestReset(email);
        reset(awaitResetTokens(email, 1).get(0), NEW_PASSWORD).andExpect(redirectedUrl("/login?reset"));

        assertThat(rememberedSignIns(username)).isZero();
        assertThat(rememberedSignIns(other)).isEqualTo(1);
        mvc.perform(get("/login").cookie(phone)).andExpect(unauthenticated()).andExpect(status().isOk());
        mvc.perform(get("/login").cookie(otherLaptop)).andExpect(authenticated().withUsername(other));
    }

    @Test
    void shouldShowThePasswordProblemNextToTheFieldAndKeepTheLink() throws Exception {
        requestReset(email);
        String token = awaitResetTokens(email, 1).get(0);

        Document page = page(reset(token, "short").andExpect(status().isOk()));

        assertThat(page.select(".field-error #password-error").text()).contains("at least 10 characters");
        assertThat(page.select("input#password").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("input#password").val()).isEmpty();
        assertThat(page.select("input[type=hidden][name=token]").val()).isEqualTo(token);
        assertThat(accounts.resetTokenUsable(token)).isTrue();
        signIn(username, OLD_PASSWORD).andExpect(authenticated());
    }

    @Test
    void shouldShowTheExpiredPageForAnUnknownOrMissingToken() throws Exception {
        assertExpiredPage(mvc.perform(get("/password/reset").param("token", "not-a-real-token-at-all")));
        assertExpiredPage(mvc.perform(get("/password/reset")));
        assertExpiredPage(reset("", NEW_PASSWORD));
    }

    @Test
    void shouldKeepAnInvalidAddressInTheFormWithItsError() throws Exception {
        Document page = page(mvc.perform(post("/password/forgot").param("email", "not-an-address").with(csrf()))
                .andExpect(status().isOk()));

        assertThat(page.select("input#email").val()).isEqualTo("not-an-address");
        assertThat(page.select("#email-error").text()).isEqualTo("Enter an email address like name@example.com.");
    }

    // -------------------------------------------------------------------------------------------------------

    private ResultActions requestReset(String address) throws Exception {
        return mvc.perform(post("/password/forgot").param("email", address).with(csrf()));
    }

    private ResultActions reset(String token, String password) throws Exception {
        return mvc.perform(post("/password/reset").param("token", token).param("password", password).with(csrf()));
    }

    private ResultActions signIn(String name, String password) throws Exception {
        return signIn(name, password, false);
    }

    private ResultActions signIn(String name, String password, boolean rememberMe) throws Exception {
        MockHttpServletRequestBuilder request = post("/login").param("username", name).param("password", password)
                .with(csrf());
        if (rememberMe) {
            request.param("remember-me", "true");
        }
        return mvc.perform(request);
    }

    private void assertExpiredPage(ResultActions actions) throws Exception {
        Document page = page(actions.andExpect(status().isOk()));
        assertThat(page.select("h1").text()).isEqualTo("This link no longer works");
        assertThat(page.select("main").text()).contains("This link has expired or was already used");
        assertThat(page.select("main a[href=/password/forgot]").text()).isEqualTo("Ask for a new link");
        assertThat(page.select("input#password")).isEmpty();
    }

    @Test
    void shouldRevokeAResetLinkMailedToTheOldAddressWhenTheAddressChanges() throws Exception {
        accounts.requestPasswordReset(email);
        String oldMailbox = awaitResetTokens(email, 1).get(0);
        long id = accounts.idOf(username).orElseThrow();

        assertThat(accounts.changeEmail(id, OLD_PASSWORD, "moved-" + email)).isTrue();

        assertThat(accounts.resetTokenUsable(oldMailbox)).isFalse();
        assertThat(accounts.resetPassword(oldMailbox, NEW_PASSWORD)).isFalse();
        signIn(username, OLD_PASSWORD).andExpect(authenticated());
    }

    @Test
    void shouldRevokeEveryMailedLinkWhenThePasswordChanges() throws Exception {
        accounts.requestPasswordReset(email);
        String reset = awaitResetTokens(email, 1).get(0);
        long id = accounts.idOf(username).orElseThrow();
        accounts.changeEmail(id, OLD_PASSWORD, "second-" + email);
        String verification = awaitLinkTo("second-" + email, "/account/verify?token=");

        assertThat(accounts.changePassword(id, OLD_PASSWORD, NEW_PASSWORD)).isTrue();

        assertThat(accounts.resetPassword(reset, "some-other-password-here")).isFalse();
        assertThat(accounts.verifyEmail(verification)).as("the verification link of the new address").isEmpty();
        signIn(username, NEW_PASSWORD).andExpect(authenticated());
    }

    @Test
    void shouldKeepEveryNameOutOfTheMail() throws Exception {
        String name = "https://evil.example/claim-your-prize";
        String own = "named" + SEQUENCE.incrementAndGet();
        accounts.createVerified(own, name, own + "@example.com", OLD_PASSWORD, EnumSet.of(Role.READER));

        accounts.requestPasswordReset(own + "@example.com");
        awaitResetTokens(own + "@example.com", 1);

        assertThat(mailbox().recent()).filteredOn(mail -> mail.to().equals(own + "@example.com"))
                .allSatisfy(mail -> assertThat(mail.text()).doesNotContain("evil.example").startsWith("Hello,"));
    }

    private String awaitLinkTo(String to, String marker) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (SentMail mail : mailbox().recent()) {
                int at = mail.text().indexOf(marker);
                if (mail.to().equals(to) && at >= 0) {
                    return mail.text().substring(at + marker.length()).split("\\s")[0];
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no mail with " + marker + " to " + to);
    }

    @Test
    void shouldSendAtMostThreeResetLinksAnHourToOneAddress() throws Exception {
        for (int i = 0; i < 5; i++) {
            accounts.requestPasswordReset(email);
        }
        assertThat(awaitResetTokens(email, 3)).hasSize(3);
        // Every request's mail is decided (sent or refused) before the hour passes: the listener runs in the
        // background, and one still waiting when the clock moves on would rightly be sent in the new hour.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND event_type LIKE '%PasswordResetRequested'",
                Integer.class) == 0);
        assertThat(awaitResetTokens(email, 3)).hasSize(3);
        clock.advance(Duration.ofMinutes(61));
        accounts.requestPasswordReset(email);
        assertThat(awaitResetTokens(email, 4)).hasSize(4);
    }

    @Test
    void shouldLetAThrottledReaderSignInRightAfterResetting() throws Exception {
        SignInThrottle throttle = new SignInThrottle(jdbc, clock);
        for (int i = 0; i < SignInThrottle.PER_ACCOUNT; i++) {
            throttle.recordFailure(username, "198.51.100.9");
        }
        assertThat(throttle.blocked(username, "198.51.100.9")).isTrue();
        accounts.requestPasswordReset(email);
        String token = awaitResetTokens(email, 1).get(0);
        // The listener sends the mail inside its transaction: the token is stored a moment later, at its commit
        // (no reader follows a link that fast; a test can).
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> accounts.resetTokenUsable(token));
        assertThat(accounts.resetPassword(token, NEW_PASSWORD)).isTrue();
        assertThat(throttle.blocked(username, "198.51.100.9")).isFalse();
    }

    private static Cookie rememberMeCookie(ResultActions signedIn) {
        Cookie cookie = signedIn.andReturn().getResponse().getCookie("remember-me");
        assertThat(cookie).as("remember-me cookie").isNotNull();
        return cookie;
    }

    private int rememberedSignIns(String name) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM remember_me_token t JOIN account a ON a.id = t.account_id WHERE a.username = ?", Integer.class, name);
    }

    private DevMailbox mailbox() {
        assertThat(mailer).as("the test profile sends mail to the developer mailbox").isInstanceOf(DevMailbox.class);
        return (DevMailbox) mailer;
    }

    /** Waits for the reset mails to {@code to} (sent in the background), newest first, and returns their tokens. */
    private List<String> awaitResetTokens(String to, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<SentMail> mails;
        do {
            mails = mailbox().recent().stream().filter(mail -> mail.to().equals(to)).toList();
            if (mails.size() >= count) {
                break;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        assertThat(mails).as("reset mails to " + to).hasSize(count);
        List<String> tokens = mails.stream().map(mail -> {
            assertThat(mail.subject()).isEqualTo("Reset your Broadsheet password");
            Matcher link = RESET_LINK.matcher(mail.text());
            assertThat(link.find()).as("reset link in " + mail.text()).isTrue();
            return link.group(1);
        }).toList();
        return tokens;
    }

    private static Document page(ResultActions actions) throws Exception {
        return Jsoup.parse(actions.andReturn().getResponse().getContentAsString());
    }
}
