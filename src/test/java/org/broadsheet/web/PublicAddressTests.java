package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * With no {@code broadsheet.site.base-url}, the site names the address it was asked at, on whatever port it runs,
 * in canonical links, {@code og:url}, feeds, sitemaps and {@code robots.txt}; and a page kept in the page cache for
 * one host is never served to a request for another (which would let anyone plant their host in everyone's links).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "broadsheet.site.base-url=", "broadsheet.site.page-cache-ttl=60s" })
@ActiveProfiles("test")
class PublicAddressTests {

    @LocalServerPort
    int port;

    @Test
    void shouldNameTheAddressTheSiteWasAskedAtWhenNoBaseUrlIsConfigured() throws Exception {
        String self = "http://127.0.0.1:" + port;
        Document front = Jsoup.parse(get("/", "127.0.0.1:" + port));
        assertThat(front.select("link[rel=canonical]").attr("href")).isEqualTo(self + "/");
        assertThat(front.select("meta[property=og:url]").attr("content")).isEqualTo(self + "/");

        assertThat(get("/robots.txt", "127.0.0.1:" + port)).contains("Sitemap: " + self + "/sitemap.xml");
        assertThat(get("/rss", "127.0.0.1:" + port)).contains("<link>" + self + "/</link>")
                .doesNotContain("localhost:8080");
        assertThat(get("/sitemap.xml", "127.0.0.1:" + port)).contains("<loc>" + self + "/sitemaps/pages.xml</loc>");
        assertThat(get("/sitemaps/pages.xml", "127.0.0.1:" + port)).contains("<loc>" + self + "/</loc>");
    }

    @Test
    void shouldKeepPagesApartByHostSoThatNoRequestPlantsItsHostInAnothersPage() throws Exception {
        String self = "127.0.0.1:" + port;
        // Asked for with another Host first, then with the site's own: each names the host it was asked at.
        Document planted = Jsoup.parse(get("/", "attacker.example"));
        assertThat(planted.select("link[rel=canonical]").attr("href")).isEqualTo("http://attacker.example/");
        for (int i = 0; i < 3; i++) {
            Document page = Jsoup.parse(get("/", self));
            assertThat(page.select("link[rel=canonical]").attr("href")).isEqualTo("http://" + self + "/");
        }
        assertThat(get("/robots.txt", self)).doesNotContain("attacker.example");
    }

    /** A GET over a plain socket, so that the Host header is the one given (HTTP clients refuse to set it). */
    private String get(String path, String host) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: text/html\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            in.transferTo(response);
            String text = response.toString(StandardCharsets.UTF_8);
            assertThat(text).startsWith("HTTP/1.1 200");
            return text;
        }
    }
}
