package org.broadsheet.account.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.AccountUser;
import org.broadsheet.account.AccountViews.AccountView;
import org.broadsheet.account.AccountViews.Registration;
import org.broadsheet.account.DuplicateAccountException;
import org.broadsheet.account.PasswordPolicy;
import org.broadsheet.account.Role;
import org.broadsheet.article.SectionTrees;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.broadsheet.web.WebSliceTestConfig;

/**
 * The registration form as a reader gets it: validation messages next to their fields, input kept, the
 * password never shown again, duplicates as form errors, and no way to be sent off the site.
 */
@WebMvcTest(RegistrationController.class)
@Import({ WebSliceTestConfig.class, PasswordRules.class, PasswordPolicy.class })
class RegistrationControllerTests {

    private static final String PASSWORD = "violet-harbour-lamp";
    private static final String ARTICLE = "/news/2021/05/06/harbour-bridge-reopens#comments";
    private static final AccountUser ANA = new AccountUser(7, "ana", "Ana Lindqvist", "{noop}unused",
            List.of(new SimpleGrantedAuthority("ROLE_READER")));

    @Autowired
    MockMvc mvc;

    @MockitoBean
    AccountService accounts;

    @MockitoBean
    SignInSupport signIn;

    @MockitoBean
    SectionTrees sections;

    @BeforeEach
    void registrationSucceedsUnlessTold() {
        given(accounts.register(any(Registration.class))).willAnswer(invocation -> {
            Registration r = invocation.getArgument(0);
            return new AccountView(42, r.username(), r.displayName(), r.email(), false, null, true,
                    WebSliceTestConfig.NOW, Set.of(Role.READER));
        });
    }

    /** A valid registration, with {@code overrides} as name, value pairs (a null value leaves the field out). */
    private static MockHttpServletRequestBuilder registration(String... overrides) {
        return withoutCsrf(overrides).with(csrf());
    }

    private static MockHttpServletRequestBuilder withoutCsrf(String... overrides) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", "ana");
        fields.put("displayName", "Ana Lindqvist");
        fields.put("email", "ana@example.com");
        fields.put("password", PASSWORD);
        fields.put("acceptGuidelines", "true");
        for (int i = 0; i < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        MockHttpServletRequestBuilder request = post("/register");
        fields.forEach((name, value) -> {
            if (value != null) {
                request.param(name, value);
            }
        });
        return request;
    }

    private Document formWithErrors(MockHttpServletRequestBuilder request) throws Exception {
        String body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(body).doesNotContain(PASSWORD);
        Document page = Jsoup.parse(body);
        assertThat(page.select(".notice-error").text()).contains("Please correct");
        assertThat(page.select("input[name=password]").attr("value")).isEmpty();
        return page;
    }

    private static String errorOf(Document page, String field) {
        Element error = page.getElementById(field + "-error");
        assertThat(error).as("error element next to " + field).isNotNull();
        // Next to its field: in the same .field block, and named by the input's aria-describedby.
        Element input = page.getElementById(field);
        assertThat(input).isNotNull();
        assertThat(error.closest(".field")).isSameAs(input.closest(".field"));
        assertThat(input.attr("aria-describedby")).contains(field + "-error");
        return error.text();
    }

    @Test
    void shouldShowTheFormWithWhereToContinueAndThePendingComment() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/register").param("continue", ARTICLE)
                .param("comment", "Finally, a bridge that opens on time.")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(page.select("h1").text()).isEqualTo("Join our commenting forum");
        assertThat(page.select("input[name=continuePath]").attr("value")).isEqualTo(ARTICLE);
        assertThat(page.select("input[name=comment]").attr("value")).isEqualTo("Finally, a bridge that opens on time.");
        assertThat(page.select(".pending-comment").text()).contains("waiting in the comment box");
        assertThat(page.select("input[name=_csrf]")).hasSize(1);
        assertThat(page.select("[id$=-error]")).isEmpty();
    }

    @Test
    void shouldShowEveryMissingFieldNextToItsField() throws Exception {
        Document page = formWithErrors(post("/register").with(csrf()).param("username", "")
                .param("displayName", "").param("email", "").param("password", ""));
        assertThat(errorOf(page, "username")).contains("Choose a username.");
        assertThat(errorOf(page, "displayName")).contains("Enter the name to show next to your comments.");
        assertThat(errorOf(page, "email")).contains("Enter your email address.");
        assertThat(errorOf(page, "password")).contains("Choose a password.");
        assertThat(page.getElementById("acceptGuidelines-error").text())
                .isEqualTo("Please accept the community guidelines to join.");
    }

    @Test
    void shouldRefuseWhenTheGuidelinesAreNotAcceptedAndKeepTheRest() throws Exception {
        Document page = formWithErrors(registration("acceptGuidelines", null, "continuePath", ARTICLE,
                "comment", "Well said."));
        assertThat(page.getElementById("acceptGuidelines-error").text())
                .isEqualTo("Please accept the community guidelines to join.");
        assertThat(page.select(".field-checkbox input[type=checkbox]").attr("aria-describedby"))
                .isEqualTo("acceptGuidelines-error");
        assertThat(page.select("[id$=-error]")).hasSize(1);
        assertThat(page.getElementById("username").attr("value")).isEqualTo("ana");
        assertThat(page.getElementById("displayName").attr("value")).isEqualTo("Ana Lindqvist");
        assertThat(page.getElementById("email").attr("value")).isEqualTo("ana@example.com");
        assertThat(page.select("input[name=continuePath]").attr("value")).isEqualTo(ARTICLE);
        assertThat(page.select("input[name=comment]").attr("value")).isEqualTo("Well said.");
    }

    @Test
    void shouldRefuseWhenABrowserLeavesTheCheckboxUnticked() throws Exception {
        // A browser sends only the hidden marker that th:field writes beside the checkbox.
        Document page = formWithErrors(registration("acceptGuidelines", null, "_acceptGuidelines", "on"));
        assertThat(page.getElementById("acceptGuidelines-error").text())
                .isEqualTo("Please accept the community guidelines to join.");
        assertThat(page.select("input[type=checkbox][name=acceptGuidelines]").hasAttr("checked")).isFalse();
        assertThat(page.select("input[type=hidden][name=_acceptGuidelines]")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = { "false", "maybe", "" })
    void shouldRefuseAnythingButAcceptingTheGuidelines(String value) throws Exception {
        Document page = formWithErrors(registration("acceptGuidelines", value));
        assertThat(page.getElementById("acceptGuidelines-error")).isNotNull();
        assertThat(page.getElementById("username").attr("value")).isEqualTo("ana");
    }

    @ParameterizedTest
    @ValueSource(strings = { "ana lindqvist", "ana@home", "ana.l", "zoë", "<b>ana</b>" })
    void shouldRefuseUsernamesWithOtherCharacters(String username) throws Exception {
        Document page = formWithErrors(registration("username", username));
        assertThat(errorOf(page, "username")).contains("Use only letters, digits, _ and -.");
        assertThat(page.getElementById("username").attr("value")).isEqualTo(username);
        assertThat(page.getElementById("email").attr("value")).isEqualTo("ana@example.com");
        assertThat(page.getElementById("username").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.getElementById("email").hasAttr("aria-invalid")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "ab", "a123456789b123456789c123456789d" })
    void shouldRefuseUsernamesTooShortOrTooLong(String username) throws Exception {
        Document page = formWithErrors(registration("username", username));
        assertThat(errorOf(page, "username")).isEqualTo("Usernames are 3 to 30 characters long.");
        assertThat(page.getElementById("username").attr("value")).isEqualTo(username);
    }

    @Test
    void shouldRefuseADisplayNameOverSixtyCharacters() throws Exception {
        Document page = formWithErrors(registration("displayName", "A".repeat(61)));
        assertThat(errorOf(page, "displayName")).isEqualTo("Display names are at most 60 characters long.");
    }

    @ParameterizedTest
    @ValueSource(strings = { "ana", "ana@", "@example.com", "ana@@example.com", "ana example@example.com" })
    void shouldRefuseAnAddressThatIsNotOne(String email) throws Exception {
        Document page = formWithErrors(registration("email", email));
        assertThat(errorOf(page, "email")).isEqualTo("Enter an email address like name@example.com.");
        assertThat(page.getElementById("email").attr("value")).isEqualTo(email);
        assertThat(page.getElementById("username").attr("value")).isEqualTo("ana");
    }

    @Test
    void shouldRefuseACommonPasswordWithoutShowingItAgain() throws Exception {
        String body = mvc.perform(registration("password", "Password123")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("Password123");
        Document page = Jsoup.parse(body);
        assertThat(errorOf(page, "password")).isEqualTo(
                "That password is one of the most commonly used, so it is easy to guess. Please choose another.");
        assertThat(page.getElementById("password").attr("value")).isEmpty();
        assertThat(page.getElementById("username").attr("value")).isEqualTo("ana");
    }

    @Test
    void shouldRefuseShortLongAndPersonalPasswords() throws Exception {
        assertThat(errorOf(formWithErrors(registration("password", "short-one")), "password"))
                .isEqualTo("Passwords must be at least 10 characters long.");
        assertThat(errorOf(formWithErrors(registration("password", "x".repeat(65))), "password"))
                .isEqualTo("Passwords can be at most 64 characters long, and fewer when they use emoji or other special characters.");
        assertThat(errorOf(formWithErrors(registration("username", "ana-lindqvist", "password", "Ana-Lindqvist")),
                "password"))
                .isEqualTo("Your password must not be your username or email address.");
    }

    @Test
    void shouldShowATakenUsernameAsAFieldError() throws Exception {
        given(accounts.register(any(Registration.class))).willThrow(new DuplicateAccountException("username"));
        Document page = formWithErrors(registration());
        assertThat(errorOf(page, "username")).isEqualTo("That username is taken. Please choose another.");
        assertThat(page.select("[id$=-error]")).hasSize(1);
        assertThat(page.getElementById("username").attr("value")).isEqualTo("ana");
        assertThat(page.getElementById("email").attr("value")).isEqualTo("ana@example.com");
    }

    @Test
    void shouldShowATakenEmailAsAFieldError() throws Exception {
        given(accounts.register(any(Registration.class))).willThrow(new DuplicateAccountException("email"));
        Document page = formWithErrors(registration());
        assertThat(errorOf(page, "email"))
                .isEqualTo("An account already uses that email address. Sign in, or reset your password.");
        assertThat(page.select("[id$=-error]")).hasSize(1);
    }

    @Test
    void shouldRefuseARegistrationWithoutCsrfToken() throws Exception {
        mvc.perform(withoutCsrf()).andExpect(status().isForbidden());
        mvc.perform(withoutCsrf().with(csrf().useInvalidToken())).andExpect(status().isForbidden());
        then(accounts).shouldHaveNoInteractions();
    }

    @Test
    void shouldShowTheErrorOfAnOverLongPendingComment() throws Exception {
        Document page = formWithErrors(registration("continuePath", ARTICLE, "comment", "x".repeat(5001)));
        assertThat(page.getElementById("comment-error").text())
                .isEqualTo("Comments are at most 5,000 characters long.");
    }

    @Test
    void shouldLinkToSignInWithoutAnEmptyContinueParameter() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/register")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString());
        assertThat(page.select("main a:contains(Sign in)").attr("href")).isEqualTo("/login");
        Document withArticle = Jsoup.parse(mvc.perform(get("/register").param("continue", ARTICLE))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(withArticle.select("main a:contains(Sign in)").attr("href"))
                .isEqualTo("/login?continue=/news/2021/05/06/harbour-bridge-reopens%23comments");
    }

    @Test
    void shouldThankTheReaderAndKeepWhereTheyWereGoing() throws Exception {
        mvc.perform(registration("continuePath", ARTICLE, "comment", "Well said."))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/register/thanks?continue=%2Fnews%2F2021%2F05%2F06%2Fharbour-bridge-reopens"
                        + "%23comments"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)" })
    void shouldDropAnUnsafeContinuePathFromTheRedirect(String next) throws Exception {
        mvc.perform(registration("continuePath", next)).andExpect(status().isFound())
                .andExpect(redirectedUrl("/register/thanks"));
    }

    @Test
    void shouldNotOfferAnUnsafeContinuePathOnTheForm() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/register").param("continue", "https://evil.example"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("input[name=continuePath]").attr("value")).isEmpty();
        assertThat(page.select("main a:contains(Sign in)").attr("href")).isEqualTo("/login");
        // The header's links come back to this page, on this site; none goes anywhere else.
        assertThat(page.select("a[href]").eachAttr("href")).noneMatch(href -> href.contains("evil.example")
                && !href.startsWith("/login?continue=/register") && !href.startsWith("/register?continue=/register"));

        Document afterError = formWithErrors(registration("username", "", "continuePath",
                "https://evil.example"));
        assertThat(afterError.select("a[href^=/login]").eachAttr("href"))
                .noneMatch(href -> href.contains("evil.example"));
    }

    @Test
    void shouldLinkBackToTheArticleOnTheThanksPage() throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/register/thanks").param("continue", ARTICLE).with(user(ANA)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("h1").text()).isEqualTo("Thank you for registering");
        assertThat(page.select("main").text()).contains("You are signed in as Ana Lindqvist.");
        assertThat(page.select("main a.button-primary").attr("href")).isEqualTo(ARTICLE);
        assertThat(page.select("main a.button-primary").text()).isEqualTo("Back to the article");
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)" })
    void shouldNeverLinkOffTheSiteFromTheThanksPage(String next) throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/register/thanks").param("continue", next).with(user(ANA)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("main a.button-primary").attr("href")).isEqualTo("/");
        assertThat(page.select("a[href]").eachAttr("href")).noneMatch(href -> href.contains("evil.example")
                || href.startsWith("javascript:"));
    }

    @Test
    void shouldSendAnonymousVisitorsOfTheThanksPageToTheForm() throws Exception {
        mvc.perform(get("/register/thanks")).andExpect(status().isFound()).andExpect(redirectedUrl("/register"));
    }

    @Test
    void shouldSendSignedInReadersOnWithoutTheForm() throws Exception {
        mvc.perform(get("/register").with(user(ANA))).andExpect(status().isFound())
                .andExpect(redirectedUrl("/account"));
        mvc.perform(get("/register").param("continue", ARTICLE).with(user(ANA))).andExpect(status().isFound())
                .andExpect(redirectedUrl(ARTICLE));
        mvc.perform(get("/register").param("continue", "//evil.example").with(user(ANA)))
                .andExpect(status().isFound()).andExpect(redirectedUrl("/account"));
    }
}
