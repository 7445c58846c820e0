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

import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * An upload over the multipart limits, over real HTTP (the limits are the container's): the site's 413 page that
 * explains the limits, never a 500, a 403 for a CSRF token that could not be read, or a broken error page. The
 * limits are made small here; the page is the same for the real ones (200 MB a file, 215 MB a request). Small
 * multipart posts to other addresses are read as before (MultipartGateTests has the large ones).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.servlet.multipart.max-file-size=10KB", "spring.servlet.multipart.max-request-size=20KB" })
@ActiveProfiles("test")
@Import(UploadLimitTests.Upload.class)
class UploadLimitTests {

    private static final String BOUNDARY = "----broadsheet-test-boundary";

    private static final String PASSWORD = "quay-lamps-at-low-tide";

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    private final HttpClient http = HttpClient.newHttpClient();
    private String sessionCookie;
    private String csrf;

    @BeforeEach
    void openTheSignInPageForASessionAndItsFormToken() throws Exception {
        HttpResponse<String> page = http.send(request("/login").build(), HttpResponse.BodyHandlers.ofString());
        sessionCookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow().split(";")[0];
        csrf = Jsoup.parse(page.body()).select("input[name=_csrf]").attr("value");
        assertThat(csrf).isNotBlank();
    }

    @Test
    void shouldAcceptAnUploadWithinTheLimits() throws Exception {
        HttpResponse<String> response = upload(multipart(csrf, 5_000));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("received 5000 bytes");
    }

    @Test
    void shouldAcceptAFormWithManyFields() throws Exception {
        // The article form sends every field as a part: more than Tomcat's default limit of 50.
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < 80; i++) {
            fields.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"field")
                    .append(i).append("\"\r\n\r\nvalue\r\n");
        }

        HttpResponse<String> response = upload(fields + multipart(csrf, 1_000));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("received 1000 bytes");
    }

    @Test
    void shouldExplainTheLimitsWhenAFileIsTooLarge() throws Exception {
        assertTooLargePage(upload(multipart(csrf, 15_000)));
    }

    @Test
    void shouldExplainTheLimitsWhenTheWholeRequestIsTooLarge() throws Exception {
        assertTooLargePage(upload(multipart(csrf, 60_000)));
    }

    @Test
    void shouldExplainTheLimitsToAnEditorWhoseUploadToTheArticleFormIsTooLarge() throws Exception {
        // An administrator holds the editor's role: the upload is read, up to the limits.
        accounts.createVerified("limitadmin", "Limit Admin", "limitadmin@example.com", PASSWORD,
                EnumSet.of(Role.ADMIN));
        HttpClient admin = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String token = Jsoup.parse(admin.send(request("/login").build(), HttpResponse.BodyHandlers.ofString())
                .body()).select("input[name=_csrf]").attr("value");
        admin.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=limitadmin&password=" + PASSWORD + "&_csrf="
                        + URLEncoder.encode(token, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        String formToken = Jsoup.parse(admin.send(request("/admin/articles/new").build(),
                HttpResponse.BodyHandlers.ofString()).body()).select("main input[name=_csrf]").attr("value");
        assertThat(formToken).isNotBlank();

        assertTooLargePage(admin.send(request("/admin/articles")
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofString(multipart(formToken, 60_000), StandardCharsets.ISO_8859_1))
                .build(), HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void shouldStillRequireTheFormToken() throws Exception {
        assertThat(upload(multipart(null, 5_000)).statusCode()).isEqualTo(403);
        assertThat(upload(multipart("not-the-token", 5_000)).statusCode()).isEqualTo(403);
    }

    @Test
    void shouldAnswerAMalformedUploadWithTheBadRequestPage() throws Exception {
        String broken = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.bin\"\r\n"
                + "\r\nno closing boundary";

        HttpResponse<String> response = upload(broken);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(response.body()).select("h1").text()).isEqualTo("Bad request");
    }

    private void assertTooLargePage(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(413);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("h1").text()).isEqualTo("File too large");
        assertThat(page.select("main#main").text()).contains("images up to 10 MB", "videos up to 200 MB",
                "captions files up to 1 MB");
        assertThat(page.select("a.brand").text()).isEqualTo("Broadsheet");
        assertThat(response.body()).doesNotContain("Whitelabel", "Exception", "exceeds", "\tat ");
    }

    private HttpResponse<String> upload(String body) throws Exception {
        return http.send(request("/test/upload").header("Cookie", sessionCookie)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.ISO_8859_1)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A form as a browser sends it: the token as a field, then the file. */
    private static String multipart(String token, int fileSize) {
        StringBuilder body = new StringBuilder();
        if (token != null) {
            body.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n")
                    .append(token).append("\r\n");
        }
        body.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"file\"; ")
                .append("filename=\"clip.mp4\"\r\nContent-Type: video/mp4\r\n\r\n").append("v".repeat(fileSize))
                .append("\r\n--").append(BOUNDARY).append("--\r\n");
        return body.toString();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Accept", "text/html");
    }

    @TestConfiguration
    @RestController
    static class Upload {

        @PostMapping("/test/upload")
        String upload(@RequestParam MultipartFile file) {
            return "received " + file.getSize() + " bytes";
        }
    }
}
