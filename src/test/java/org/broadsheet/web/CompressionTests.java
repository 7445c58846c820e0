package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Text the site sends is compressed for a browser that accepts it, over real HTTP (Tomcat compresses, so a mock
 * request cannot show it): pages, the stylesheet and the script, which Spring sends as {@code text/javascript}.
 * The same context as {@link PublicAddressTests}, so no extra start.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "broadsheet.site.base-url=", "broadsheet.site.page-cache-ttl=60s" })
@ActiveProfiles("test")
class CompressionTests {

    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/(?:js|css)/[^\"]+\\.(?:js|css))\"");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void shouldCompressPagesStylesAndScripts() throws Exception {
        HttpResponse<byte[]> page = get("/login");
        assertThat(page.headers().firstValue("Content-Encoding")).contains("gzip");
        // The sign-in page links the stylesheet; an article page links the comments' script: both are assets.
        String html = new String(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        Matcher assets = ASSET.matcher(html);
        int checked = 0;
        while (assets.find()) {
            checked++;
            HttpResponse<byte[]> asset = get(assets.group(1));
            assertThat(asset.statusCode()).isEqualTo(200);
            assertThat(asset.headers().firstValue("Content-Encoding")).as(assets.group(1)).contains("gzip");
        }
        assertThat(checked).as("assets linked from the page").isPositive();
        String script = "/js/comments.js";
        HttpResponse<byte[]> js = get(script);
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        assertThat(js.headers().firstValue("Content-Encoding")).as(script).contains("gzip");
    }
}
