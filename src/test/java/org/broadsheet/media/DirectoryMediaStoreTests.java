package org.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Media kept in a directory ({@code broadsheet.media.dir}, as in production): where the files go, that they are
 * served from there (Range requests included), that a refused or rolled-back upload leaves nothing behind, and
 * that no name can lead outside the directory.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DirectoryMediaStoreTests {

    @TempDir
    static Path directory;

    @DynamicPropertySource
    static void mediaDirectory(DynamicPropertyRegistry registry) {
        registry.add("broadsheet.media.dir", () -> directory.resolve("media").toString());
    }

    @LocalServerPort
    int port;

    @Autowired
    MediaService media;

    @Autowired
    MediaStore store;

    @Autowired
    org.broadsheet.article.ArticleImports imports;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void shouldKeepEveryVersionAsAFileNamedByTheSiteNotTheUploader() {
        StoredImage image = media.storeImage("../../etc/passwd.jpg",
                new ByteArrayInputStream(TestImages.jpeg(1000, 500)));

        assertThat(store).isInstanceOf(DirectoryMediaStore.class);
        Path folder = directory.resolve("media").resolve(Long.toString(image.id()));
        // Each version as a JPEG and as WebP, and nothing else (no name of the uploader's).
        assertThat(folder.toFile().list()).containsExactlyInAnyOrder("480.jpg", "960.jpg", "1000.jpg", "480.webp",
                "960.webp", "1000.webp");
        assertThat(folder.resolve("480.jpg")).isRegularFile();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM media_chunk WHERE media_id = ?", Integer.class,
                image.id())).as("nothing in the database but the description").isZero();
    }

    @Test
    void shouldServeAVideoFromTheDirectoryInRanges() throws Exception {
        byte[] bytes = TestImages.mp4("isom", 300_000);
        StoredVideo video = media.storeVideo("clip.mp4", new ByteArrayInputStream(bytes));
        // Named by a published article, so everyone may see it.
        org.broadsheet.article.ArticleTestData data = new org.broadsheet.article.ArticleTestData(imports);
        data.article(data.section(null), data.author()).body("[the video](" + video.url() + ")").save();
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<byte[]> range = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + video.url())).header("Range", "bytes=1000-1999").build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(range.headers().firstValue("Content-Range")).hasValue("bytes 1000-1999/" + bytes.length);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(bytes, 1000, 2000));
    }

    @Test
    void shouldLeaveNothingBehindOfAVideoOverTheLimit() throws IOException {
        long rowsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM media", Long.class);
        List<Path> before = everything();
        byte[] head = TestImages.mp4("isom", 64);
        InputStream tooLarge = new SequenceInputStream(new ByteArrayInputStream(head),
                new MediaServiceTests.CountingStream(MediaService.MAX_VIDEO_BYTES));

        MediaServiceTests.assertRejected(() -> media.storeVideo("long.mp4", tooLarge),
                MediaRejectedException.VIDEO_SIZE);

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM media", Long.class)).isEqualTo(rowsBefore);
        assertThat(everything()).isEqualTo(before);
    }

    /** Every file and folder under the media directory. */
    private List<Path> everything() throws IOException {
        Path root = directory.resolve("media");
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.sorted().toList();
        }
    }

    @Test
    void shouldDeleteTheFileWhenTheTransactionDoesNotCommit() {
        Path written = new TransactionTemplate(transactions).execute(status -> {
            try {
                store.write(987_654, "480.jpg", new ByteArrayInputStream(new byte[] { 1, 2, 3 }));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            Path file = directory.resolve("media/987654/480.jpg");
            assertThat(file).hasBinaryContent(new byte[] { 1, 2, 3 });
            status.setRollbackOnly();
            return file;
        });

        assertThat(written).doesNotExist();
        assertThat(written.getParent()).doesNotExist();
    }

    @Test
    void shouldRefuseNamesThatAreNotTheSitesOwn() {
        for (String name : new String[] { "../480.jpg", "a/480.jpg", "480.jpg/..", "..", "480.exe", "", "480.JPG" }) {
            assertThatThrownBy(() -> store.write(1, name, InputStream.nullInputStream()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> store.read(-1, "480.jpg", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
