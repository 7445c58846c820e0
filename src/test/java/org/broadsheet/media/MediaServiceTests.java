package org.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Uploads through {@link MediaService} into the database (the default store): what is accepted, what is refused
 * and why, and what is stored. Judged from the bytes, never from the file's name.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class MediaServiceTests {

    @Autowired
    MediaService media;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void shouldStoreEveryVersionOfAPictureAndDescribeThemForSrcset() throws IOException {
        StoredImage image = media.storeImage("harbour.jpg", new ByteArrayInputStream(TestImages.jpeg(2000, 1000)));

        String base = "/media/" + key(image.url()) + "/";
        assertThat(image.url()).isEqualTo(base + "1600.jpg");
        assertThat(image.width()).isEqualTo(1600);
        assertThat(image.height()).isEqualTo(800);
        assertThat(image.contentType()).isEqualTo("image/jpeg");
        assertThat(image.srcset())
                .isEqualTo(base + "480.jpg 480w, " + base + "960.jpg 960w, " + base + "1600.jpg 1600w");
        assertThat(media.image(image.id())).contains(image);
        assertThat(TestImages.decode(stored(image.url(), "960.jpg")).getWidth()).isEqualTo(960);
    }

    @Test
    void shouldStoreAWebpCopyOfEveryVersionAndDescribeThemForASource() throws IOException {
        StoredImage image = media.storeImage("harbour.jpg", new ByteArrayInputStream(TestImages.jpeg(2000, 1000)));

        String base = "/media/" + key(image.url()) + "/";
        assertThat(image.webpSrcset())
                .isEqualTo(base + "480.webp 480w, " + base + "960.webp 960w, " + base + "1600.webp 1600w");
        for (String width : new String[] { "480", "960", "1600" }) {
            byte[] webp = stored(image.url(), width + ".webp");
            assertThat(TestImages.isWebp(webp)).as(width).isTrue();
            assertThat(TestImages.decode(webp).getWidth()).isEqualTo(Integer.parseInt(width));
        }
        assertThat(jdbc.queryForList("SELECT f.content_type FROM media_file f WHERE f.media_id = ? AND f.name LIKE "
                + "'%.webp'", String.class, image.id())).containsOnly("image/webp").hasSize(3);
        assertThat(media.image(image.id())).contains(image);
    }

    @Test
    void shouldNeverMakeAPictureWiderThanItWas() {
        StoredImage image = media.storeImage("small.png", new ByteArrayInputStream(TestImages.jpeg(700, 350)));

        assertThat(image.srcset()).isEqualTo("/media/" + key(image.url()) + "/480.jpg 480w, /media/" + key(image.url())
                + "/700.jpg 700w");
        assertThat(image.width()).isEqualTo(700);
    }

    @Test
    void shouldStoreAPngNamedJpgAsPng() {
        StoredImage image = media.storeImage("photo.jpg",
                new ByteArrayInputStream(TestImages.png(TestImages.transparent(400, 300))));

        assertThat(image.contentType()).isEqualTo("image/png");
        assertThat(image.url()).isEqualTo("/media/" + key(image.url()) + "/400.png");
    }

    @Test
    void shouldAcceptAPictureWhateverItsNameSays() {
        StoredImage image = media.storeImage("not-a-gif.gif", new ByteArrayInputStream(TestImages.WEBP_OPAQUE));

        assertThat(image.contentType()).isEqualTo("image/jpeg");
        assertThat(image.width()).isEqualTo(24);
    }

    @ParameterizedTest
    @ValueSource(strings = { "text", "html", "svg", "gif", "bmp", "pdf" })
    void shouldRefuseAFileNamedJpgThatIsNoJpegPngOrWebp(String kind) {
        byte[] bytes = switch (kind) {
            case "text" -> "Just some notes about the harbour.".getBytes(StandardCharsets.UTF_8);
            case "html" -> "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
            case "svg" -> "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"
                    .getBytes(StandardCharsets.UTF_8);
            case "gif" -> TestImages.encode(TestImages.picture(40, 40), "gif");
            case "bmp" -> TestImages.encode(TestImages.picture(40, 40), "bmp");
            default -> "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1);
        };
        long before = count("media");

        assertRejected(() -> media.storeImage("photo.jpg", new ByteArrayInputStream(bytes)),
                MediaRejectedException.IMAGE_TYPE);
        assertThat(count("media")).as("nothing stored").isEqualTo(before);
    }

    @Test
    void shouldRefuseAnImageOverTenMegabytesWithoutReadingItAll() {
        CountingStream eleven = new CountingStream(11L * 1024 * 1024);

        assertRejected(() -> media.storeImage("huge.jpg", eleven), MediaRejectedException.IMAGE_SIZE);
        assertThat(eleven.read).isLessThanOrEqualTo(MediaService.MAX_IMAGE_BYTES + 64 * 1024);
    }

    @Test
    void shouldAcceptAnImageOfExactlyTheLimitAsFarAsSizeGoes() {
        // Exactly 10 MB passes the size check; these bytes are then not a picture.
        assertRejected(() -> media.storeImage("limit.jpg", new CountingStream(MediaService.MAX_IMAGE_BYTES)),
                MediaRejectedException.IMAGE_TYPE);
    }

    @Test
    void shouldRefuseATruncatedJpegAsDamaged() {
        byte[] jpeg = TestImages.jpeg(1200, 800);

        byte[] half = Arrays.copyOf(jpeg, jpeg.length / 2);

        assertRejected(() -> media.storeImage("cut.jpg", new ByteArrayInputStream(half)),
                MediaRejectedException.IMAGE_CORRUPT);
    }

    @Test
    void shouldRefuseEmptyFiles() {
        assertRejected(() -> media.storeImage("empty.jpg", InputStream.nullInputStream()),
                MediaRejectedException.EMPTY);
        assertRejected(() -> media.storeVideo("empty.mp4", InputStream.nullInputStream()),
                MediaRejectedException.EMPTY);
        assertRejected(() -> media.storeCaptions("empty.vtt", InputStream.nullInputStream()),
                MediaRejectedException.EMPTY);
    }

    @Test
    void shouldStoreNoneOfTheMetadataOfTheUploadedFile() throws IOException {
        byte[] jpeg = TestImages.withSegments(TestImages.jpeg(1000, 700), TestImages.exif(1, "GPS 51.5074 N SECRET"),
                TestImages.comment("SECRET comment"));

        StoredImage image = media.storeImage("exif.jpg", new ByteArrayInputStream(jpeg));

        for (String name : new String[] { "480.jpg", "960.jpg", "1000.jpg" }) {
            assertThat(new String(stored(image.url(), name), StandardCharsets.ISO_8859_1)).doesNotContain("SECRET",
                    "Exif");
        }
    }

    @Test
    void shouldStoreAnMp4VideoRecognisedByItsFtypBox() throws IOException {
        byte[] bytes = TestImages.mp4("isom", 2_500_000);

        StoredVideo video = media.storeVideo("clip.MOV", new ByteArrayInputStream(bytes));

        assertThat(video.url()).isEqualTo("/media/" + key(video.url()) + "/video.mp4");
        assertThat(video.size()).isEqualTo(bytes.length);
        assertThat(video.contentType()).isEqualTo("video/mp4");
        assertThat(stored(video.url(), "video.mp4")).isEqualTo(bytes);
        // Kept in pieces of 1 MiB in the database
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM media_chunk WHERE media_id = ?", Integer.class,
                video.id())).isEqualTo(3);
    }

    @Test
    void shouldRefuseVideosThatAreNotMp4() {
        byte[] quickTime = TestImages.mp4("qt  ", 5_000);
        byte[] html = "<html><body>not a video</body></html>".getBytes(StandardCharsets.UTF_8);
        byte[] jpeg = TestImages.jpeg(100, 100);

        for (byte[] bytes : new byte[][] { quickTime, html, jpeg }) {
            assertRejected(() -> media.storeVideo("clip.mp4", new ByteArrayInputStream(bytes)),
                    MediaRejectedException.VIDEO_TYPE);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "WEBVTT\n\n00:00.000 --> 00:02.000\nHello",
            "\uFEFFWEBVTT\r\n\r\n1\n00:00.000 --> 00:01.000\nÉté",
            "WEBVTT - Harbour interview\n\n00:00.000 --> 00:01.000\n“Quoted”" })
    void shouldStoreWebVttCaptions(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

        StoredFile captions = media.storeCaptions("captions.txt", new ByteArrayInputStream(bytes));

        assertThat(captions.url()).isEqualTo("/media/" + key(captions.url()) + "/captions.vtt");
        assertThat(captions.contentType()).isEqualTo("text/vtt");
        assertThat(stored(captions.url(), "captions.vtt")).isEqualTo(bytes);
    }

    @Test
    void shouldRefuseCaptionsThatAreNotWebVtt() {
        String srt = "1\n00:00:00,000 --> 00:00:02,000\nHello\n";
        assertRejected(() -> media.storeCaptions("a.vtt", utf8(srt)), MediaRejectedException.CAPTIONS_TYPE);
        assertRejected(() -> media.storeCaptions("a.vtt", utf8("WEBVTTX\n")), MediaRejectedException.CAPTIONS_TYPE);
        assertRejected(() -> media.storeCaptions("a.vtt", utf8("<html>WEBVTT</html>")),
                MediaRejectedException.CAPTIONS_TYPE);
        byte[] latin1 = "WEBVTT\n\n00:00.000 --> 00:01.000\nÉté".getBytes(StandardCharsets.ISO_8859_1);
        assertRejected(() -> media.storeCaptions("a.vtt", new ByteArrayInputStream(latin1)),
                MediaRejectedException.CAPTIONS_ENCODING);
        byte[] large = ("WEBVTT\n\n" + "x".repeat(1024 * 1024)).getBytes(StandardCharsets.UTF_8);
        assertRejected(() -> media.storeCaptions("a.vtt", new ByteArrayInputStream(large)),
                MediaRejectedException.CAPTIONS_SIZE);
    }

    @Test
    void shouldFindNoFileForUnknownIdsNamesOrKinds() {
        StoredFile captions = media.storeCaptions("c.vtt", utf8("WEBVTT\n"));

        assertThat(media.file(key(captions.url()), "captions.vtt")).isPresent();
        assertThat(media.file(key(captions.url()), "480.jpg")).isEmpty();
        assertThat(media.file(key(captions.url()), "../captions.vtt")).isEmpty();
        assertThat(media.file("aaaaaaaaaaaaaaaaaaaaaaaaaa", "captions.vtt")).isEmpty();
        assertThat(media.file("", "captions.vtt")).isEmpty();
        assertThat(media.image(captions.id())).as("captions are not an image").isEmpty();
    }

    private byte[] stored(String url, String name) throws IOException {
        Resource resource = media.file(key(url), name).orElseThrow().resource();
        try (InputStream in = resource.getInputStream()) {
            byte[] bytes = in.readAllBytes();
            assertThat(resource.contentLength()).isEqualTo(bytes.length);
            return bytes;
        }
    }

    private long count(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    static void assertRejected(ThrowingCallable upload, String key) {
        assertThatThrownBy(upload).isInstanceOfSatisfying(MediaRejectedException.class,
                e -> assertThat(e.messageKey()).isEqualTo(key));
    }

    /** Zero bytes, as many as asked for, counting how many were read. */
    static final class CountingStream extends InputStream {
        private final long size;
        long read;

        CountingStream(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (read >= size) {
                return -1;
            }
            read++;
            return 0;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (read >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - read);
            Arrays.fill(buffer, offset, offset + n, (byte) 0);
            read += n;
            return n;
        }
    }

    /** The upload's key, from its address {@code /media/{key}/{name}}. */
    private static String key(String url) {
        return url.split("/")[2];
    }
}
