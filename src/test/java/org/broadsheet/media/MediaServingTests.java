package org.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Uploaded media as browsers get them over real HTTP, from the database: type, year-long cache, no sniffing,
 * length, Range requests for seeking in a video (across the stored pieces), and the site's 404 page otherwise.
 * Addresses cannot be guessed, and an upload no page readers can see names is served to staff only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@ActiveProfiles("test")
class MediaServingTests {

    @LocalServerPort
    int port;

    @Autowired
    MediaService media;

    @Autowired
    org.broadsheet.article.ArticleImports imports;

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    /** Names the upload on a published article, so that it is everyone's to see. */
    private <T> T published(T stored, String url) {
        org.broadsheet.article.ArticleTestData data = new org.broadsheet.article.ArticleTestData(imports);
        data.article(data.section(null), data.author()).body("A file: [it](" + url + ")").save();
        return stored;
    }

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldServeAPictureToEveryoneWithALongCacheLifetimeAndNoSniffing() throws Exception {
        StoredImage image = media.storeImage("photo.webp", new ByteArrayInputStream(TestImages.jpeg(1000, 500)));
        published(image, image.url());

        HttpResponse<byte[]> response = get(image.url(), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(response.headers().firstValue("Cache-Control").orElse("").split(",\\s*"))
                .containsExactlyInAnyOrder("public", "max-age=31536000", "immutable");
        assertThat(response.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(response.body().length);
        assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(TestImages.decode(response.body()).getWidth()).isEqualTo(1000);
    }

    @Test
    void shouldServeTheWebpCopiesOfAPictureAsWebp() throws Exception {
        StoredImage image = media.storeImage("photo.jpg", new ByteArrayInputStream(TestImages.jpeg(1000, 500)));
        published(image, image.url());
        String smallest = image.webpSrcset().split(" ")[0];

        HttpResponse<byte[]> response = get(smallest, null);

        assertThat(smallest).endsWith("/480.webp");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/webp");
        assertThat(response.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(TestImages.isWebp(response.body())).isTrue();
        assertThat(TestImages.decode(response.body()).getWidth()).isEqualTo(480);
    }

    @Test
    void shouldServeAVideoInRangesSoReadersCanSeek() throws Exception {
        byte[] bytes = TestImages.mp4("mp42", 3_000_000);
        StoredVideo video = media.storeVideo("clip.mp4", new ByteArrayInputStream(bytes));
        published(video, video.url());

        HttpResponse<byte[]> whole = get(video.url(), null);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(whole.body()).isEqualTo(bytes);

        HttpResponse<byte[]> start = get(video.url(), "bytes=0-99");
        assertThat(start.statusCode()).isEqualTo(206);
        assertThat(start.headers().firstValue("Content-Range")).hasValue("bytes 0-99/" + bytes.length);
        assertThat(start.headers().firstValueAsLong("Content-Length")).hasValue(100);
        assertThat(start.body()).isEqualTo(Arrays.copyOfRange(bytes, 0, 100));

        // Across the boundary of two stored pieces of 1 MiB
        int from = DatabaseMediaStore.CHUNK - 10;
        HttpResponse<byte[]> middle = get(video.url(), "bytes=" + from + "-" + (from + 19));
        assertThat(middle.statusCode()).isEqualTo(206);
        assertThat(middle.body()).isEqualTo(Arrays.copyOfRange(bytes, from, from + 20));

        HttpResponse<byte[]> end = get(video.url(), "bytes=-5");
        assertThat(end.statusCode()).isEqualTo(206);
        assertThat(end.body()).isEqualTo(Arrays.copyOfRange(bytes, bytes.length - 5, bytes.length));

        HttpResponse<byte[]> beyond = get(video.url(), "bytes=" + bytes.length + "-");
        assertThat(beyond.statusCode()).isEqualTo(416);
    }

    @Test
    void shouldServeCaptionsAsUtf8WebVtt() throws Exception {
        StoredFile captions = media.storeCaptions("c.vtt",
                new ByteArrayInputStream("WEBVTT\n\n00:00.000 --> 00:01.000\nÉté".getBytes("UTF-8")));
        published(captions, captions.url());

        HttpResponse<byte[]> response = get(captions.url(), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).isEqualToIgnoringCase(
                "text/vtt;charset=UTF-8");
        assertThat(new String(response.body(), "UTF-8")).endsWith("Été");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/media/ID/480.jpg", "/media/KEY/481.jpg", "/media/KEY/480.png",
            "/media/KEY/video.mp4", "/media/aaaaaaaaaaaaaaaaaaaaaaaaaa/480.jpg", "/media/KEY/480.JPG",
            "/media/abc/480.jpg", "/media/KEYa/480.jpg" })
    void shouldAnswerUnknownMediaWithTheSitesNotFoundPage(String path) throws Exception {
        StoredImage image = media.storeImage("p.jpg", new ByteArrayInputStream(TestImages.jpeg(600, 300)));
        published(image, image.url());
        String key = image.url().split("/")[2];

        HttpResponse<String> response = http.send(request(path.replace("ID", Long.toString(image.id()))
                .replace("KEY", key), null).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(response.body()).select("h1").text()).isEqualTo("Page not found");
    }

    @Test
    void shouldMakeAddressesThatCannotBeGuessed() {
        StoredImage first = media.storeImage("a.jpg", new ByteArrayInputStream(TestImages.jpeg(600, 300)));
        StoredImage second = media.storeImage("b.jpg", new ByteArrayInputStream(TestImages.jpeg(600, 300)));

        assertThat(first.url()).matches("/media/[a-z2-7]{26}/600\\.jpg").doesNotContain("/" + first.id() + "/");
        assertThat(first.srcset()).startsWith(first.url().replace("600.jpg", "480.jpg"));
        assertThat(second.url().split("/")[2]).isNotEqualTo(first.url().split("/")[2]);
    }

    @Test
    void shouldServeAnUploadNoPublicPageNamesToStaffOnly() throws Exception {
        StoredImage abandoned = media.storeImage("a.jpg", new ByteArrayInputStream(TestImages.jpeg(600, 300)));

        assertThat(get(abandoned.url(), null).statusCode()).isEqualTo(404);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(abandoned.url())
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                        "reader").roles("READER")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isNotFound());
        for (String role : java.util.List.of("EDITOR", "MODERATOR", "ADMIN")) {
            mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(abandoned.url())
                    .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                            .user("staff").roles(role)))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header()
                            .string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")));
        }
    }

    @Test
    void shouldServeADraftsPictureToEveryoneOnlyOnceAPublishedArticleShowsIt() throws Exception {
        StoredImage picture = media.storeImage("d.jpg", new ByteArrayInputStream(TestImages.jpeg(600, 300)));
        org.broadsheet.article.ArticleTestData data = new org.broadsheet.article.ArticleTestData(imports);
        String section = data.section(null);
        data.article(section, data.author()).body("![draft](" + picture.url() + ")").draft().save();

        assertThat(get(picture.url(), null).statusCode()).as("the draft's picture").isEqualTo(404);

        data.article(section, data.author()).body("![now public](" + picture.url() + ")").save();

        HttpResponse<byte[]> published = get(picture.url(), null);
        assertThat(published.statusCode()).isEqualTo(200);
        assertThat(published.headers().firstValue("Cache-Control").orElse("")).contains("public");
    }

    @Test
    void shouldServeAnAuthorsPhotoToEveryone(@Autowired org.springframework.jdbc.core.JdbcTemplate jdbc)
            throws Exception {
        StoredImage photo = media.storeImage("me.jpg", new ByteArrayInputStream(TestImages.jpeg(600, 600)));
        org.broadsheet.article.ArticleTestData data = new org.broadsheet.article.ArticleTestData(imports);
        String author = data.author();
        jdbc.update("UPDATE author SET photo_url = ? WHERE slug = ?", photo.url(), author);

        assertThat(get(photo.url(), null).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldStillServeTheDemoMediaFiles() throws Exception {
        HttpResponse<byte[]> response = get("/media/demo/cellular-automaton.vtt", null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/vtt"));
        assertThat(new String(response.body(), "UTF-8")).startsWith("WEBVTT");
    }

    private HttpResponse<byte[]> get(String path, String range) throws Exception {
        return http.send(request(path, range).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest.Builder request(String path, String range) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        return range == null ? request : request.header("Range", range);
    }
}
