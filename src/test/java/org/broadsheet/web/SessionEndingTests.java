package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;

import org.broadsheet.account.AccountAdministration;
import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Changing the password ends the account's other sessions, so a session someone else had taken is lost; the
 * session that made the change stays signed in. A change of roles by an administrator applies to the account's
 * open sessions at their next request, without signing them out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SessionEndingTests {

    private static final String PASSWORD = "tidal-clock-over-quay";
    private static final String NEW_PASSWORD = "lamplit-ferry-crossing";

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    AccountAdministration administration;

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(HttpClient client, String path, String csrfFrom, String form)
            throws Exception {
        String csrf = Jsoup.parse(get(client, csrfFrom).body()).select("input[name=_csrf]").attr("value");
        return client.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        form + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpClient signIn(String username) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        HttpResponse<String> response = post(client, "/login", "/login",
                "username=" + username + "&password=" + PASSWORD);
        assertThat(response.headers().firstValue("Location").orElse("")).doesNotContain("error");
        return client;
    }

    @Test
    void shouldEndOtherSessionsWhenThePasswordChanges() throws Exception {
        accounts.createVerified("twosessions", "Two Sessions", "twosessions@example.com", PASSWORD,
                EnumSet.of(Role.READER));
        HttpClient owner = signIn("twosessions");
        HttpClient intruder = signIn("twosessions");
        assertThat(get(intruder, "/account").statusCode()).isEqualTo(200);

        HttpResponse<String> changed = post(owner, "/account/password", "/account",
                "currentPassword=" + PASSWORD + "&newPassword=" + NEW_PASSWORD);
        assertThat(changed.statusCode()).isEqualTo(302);

        HttpResponse<String> lost = get(intruder, "/account");
        assertThat(lost.statusCode()).isEqualTo(302);
        assertThat(lost.headers().firstValue("Location").orElse("")).contains("/login?expired");
        assertThat(get(owner, "/account").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldApplyChangedRolesToOpenSessionsAtTheirNextRequest() throws Exception {
        accounts.createVerified("promoted", "Promoted Reader", "promoted@example.com", PASSWORD,
                EnumSet.of(Role.READER));
        accounts.createVerified("promoter", "Promoter Admin", "promoter@example.com", PASSWORD,
                EnumSet.of(Role.ADMIN));
        long id = accounts.idOf("promoted").orElseThrow();
        HttpClient reader = signIn("promoted");
        HttpClient otherDevice = signIn("promoted");
        assertThat(get(reader, "/admin").statusCode()).isEqualTo(403);

        administration.changeRoles("promoter", id, administration.account(id).version(), EnumSet.of(Role.EDITOR));

        for (HttpClient session : new HttpClient[] { reader, otherDevice }) {
            HttpResponse<String> desk = get(session, "/admin");
            assertThat(desk.statusCode()).as("the staff desk in the same session").isEqualTo(200);
            assertThat(Jsoup.parse(desk.body()).select("main .desk h2").eachText()).containsExactly("Editorial desk");
        }

        administration.changeRoles("promoter", id, administration.account(id).version(), EnumSet.noneOf(Role.class));

        assertThat(get(reader, "/admin").statusCode()).isEqualTo(403);
        assertThat(get(reader, "/account").statusCode()).as("still signed in").isEqualTo(200);
    }
}
