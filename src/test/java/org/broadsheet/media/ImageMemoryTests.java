package org.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.broadsheet.media.ImageProcessor.Processed;
import org.broadsheet.media.ImageProcessor.Version;
import org.junit.jupiter.api.Test;

/**
 * A picture's memory is bounded by its pixels and the bytes of each decoded pixel, whatever its shape: a
 * 3200 × 12500 16-bit RGBA PNG of 300 KB, which decodes into 320 MB at full size, once exhausted the heap.
 */
class ImageMemoryTests {

    /** Small enough that the old, full-size decode of these pictures runs out of memory. */
    private static final String CHILD_HEAP = "-Xmx200m";

    @Test
    void shouldSubsampleATallSixteenBitPictureToFitTheWorkingMemory() {
        int factor = ImageProcessor.subsampling(3200, 12500, 8);

        assertThat(ImageProcessor.working(3200, 12500, 1, 8)).as("at full size").isGreaterThan(400L << 20);
        assertThat(factor).isEqualTo(3);
        assertThat(ImageProcessor.working(3200, 12500, factor, 8)).isLessThanOrEqualTo(ImageProcessor.MAX_WORKING_BYTES);
    }

    @Test
    void shouldBoundEveryShapeAndDepth() {
        Random random = new Random(11);
        for (int i = 0; i < 10_000; i++) {
            long width = 1 + random.nextInt(40_000);
            long height = Math.max(1, Math.min(40_000_000L / width, 1 + random.nextInt(40_000)));
            int bytesPerPixel = 1 + random.nextInt(8);
            int factor = ImageProcessor.subsampling(width, height, bytesPerPixel);
            assertThat(ImageProcessor.working(width, height, factor, bytesPerPixel))
                    .as("%d × %d at %d bytes a pixel", width, height, bytesPerPixel)
                    .isLessThanOrEqualTo(ImageProcessor.MAX_WORKING_BYTES);
        }
    }

    @Test
    void shouldMakeVersionsOfTheTallSixteenBitPicture() {
        byte[] png = TestImages.flatPng(3200, 12500, 16);
        assertThat(png.length).as("a small file").isLessThan(1024 * 1024);

        Processed processed = ImageProcessor.process(png);

        assertThat(processed.contentType()).isEqualTo("image/png");
        assertThat(processed.versions()).extracting(Version::width).containsExactly(480, 960, 1067);
        assertThat(processed.largest().height()).isEqualTo(4167);
    }

    @Test
    void shouldRefuseAStripTooNarrowOnceSubsampled() {
        assertThatThrownBy(() -> ImageProcessor.process(TestImages.flatPng(500, 80_000, 8)))
                .isInstanceOfSatisfying(MediaRejectedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo(MediaRejectedException.IMAGE_SHAPE));
    }

    @Test
    void shouldProcessTheLargestPicturesInASmallHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder child = new ProcessBuilder(java, CHILD_HEAP, "-cp", System.getProperty("java.class.path"),
                Child.class.getName()).redirectErrorStream(true);
        Process process = child.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("16-bit: 480 960 1067", "two 8-bit at once: 480 960 1067, 480 960 1067");
    }

    /** Runs in a JVM of its own with a small heap: what the media module does with the worst pictures it takes. */
    static final class Child {

        public static void main(String[] args) throws Exception {
            System.out.println("16-bit: " + widths(ImageProcessor.process(TestImages.flatPng(3200, 12500, 16))));
            byte[] eightBit = TestImages.flatPng(3200, 12500, 8);
            ExecutorService two = Executors.newFixedThreadPool(2);
            List<Future<Processed>> both = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                both.add(two.submit(() -> ImageProcessor.process(eightBit)));
            }
            List<String> made = new ArrayList<>();
            for (Future<Processed> one : both) {
                made.add(widths(one.get()));
            }
            two.shutdown();
            System.out.println("two 8-bit at once: " + String.join(", ", made));
        }

        private static String widths(Processed processed) {
            return String.join(" ", processed.versions().stream().map(v -> String.valueOf(v.width())).toList());
        }
    }

}
