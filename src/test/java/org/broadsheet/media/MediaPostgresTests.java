package org.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

import org.broadsheet.support.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.io.Resource;

/**
 * Media kept in PostgreSQL ({@code bytea} pieces of 1 MiB): written, read whole and read from a position, as a
 * Range request does. Skipped when PostgreSQL does not answer (failed when {@code CI=true}).
 */
@SpringBootTest(webEnvironment = WebEnvironment.NONE)
@PostgresTest
class MediaPostgresTests {

    @Autowired
    MediaService media;

    @Test
    void shouldKeepAVideoInPiecesAndReadItFromAnyPosition() throws IOException {
        byte[] bytes = TestImages.mp4("isom", 2 * DatabaseMediaStore.CHUNK + 12_345);

        StoredVideo video = media.storeVideo("clip.mp4", new ByteArrayInputStream(bytes));

        Resource resource = media.file(key(video.url()), "video.mp4").orElseThrow().resource();
        assertThat(resource.contentLength()).isEqualTo(bytes.length);
        try (InputStream in = resource.getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        long from = DatabaseMediaStore.CHUNK * 2L - 7;
        try (InputStream in = resource.getInputStream()) {
            assertThat(in.skip(from)).isEqualTo(from);
            assertThat(in.readNBytes(20)).isEqualTo(Arrays.copyOfRange(bytes, (int) from, (int) from + 20));
        }
    }

    @Test
    void shouldStoreAndDescribeAPicture() throws IOException {
        StoredImage image = media.storeImage("p.png", new ByteArrayInputStream(TestImages.jpeg(1000, 600)));

        assertThat(media.image(image.id())).contains(image);
        try (InputStream in = media.file(key(image.url()), "480.jpg").orElseThrow().resource().getInputStream()) {
            assertThat(TestImages.decode(in.readAllBytes()).getHeight()).isEqualTo(288);
        }
    }

    /** The upload's key, from its address {@code /media/{key}/{name}}. */
    private static String key(String url) {
        return url.split("/")[2];
    }
}
