package org.broadsheet.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.broadsheet.media.ImageProcessor.Processed;
import org.broadsheet.media.ImageProcessor.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Pictures as the media module reads, checks, turns upright, scales and re-encodes them. */
class ImageProcessorTests {

    @Test
    void shouldMakeTheStandardWidthsBelowTheOriginalAndNeverUpscale() {
        assertThat(ImageProcessor.widthsFor(4000)).containsExactly(480, 960, 1600);
        assertThat(ImageProcessor.widthsFor(1600)).containsExactly(480, 960, 1600);
        assertThat(ImageProcessor.widthsFor(1200)).containsExactly(480, 960, 1200);
        assertThat(ImageProcessor.widthsFor(960)).containsExactly(480, 960);
        assertThat(ImageProcessor.widthsFor(300)).containsExactly(300);
    }

    @Test
    void shouldScaleAPictureToEveryWidthKeepingItsShape() {
        Processed processed = ImageProcessor.process(TestImages.jpeg(2000, 1000));

        assertThat(processed.contentType()).isEqualTo("image/jpeg");
        assertThat(processed.versions()).extracting(Version::name).containsExactly("480.jpg", "960.jpg", "1600.jpg");
        assertThat(processed.versions()).extracting(Version::height).containsExactly(240, 480, 800);
        for (Version version : processed.versions()) {
            BufferedImage decoded = TestImages.decode(version.bytes());
            assertThat(decoded.getWidth()).isEqualTo(version.width());
            assertThat(decoded.getHeight()).isEqualTo(version.height());
        }
    }

    @Test
    void shouldMakeAWebpCopyOfEveryVersionAtTheSameSize() {
        Processed processed = ImageProcessor.process(TestImages.jpeg(2000, 1000));

        assertThat(processed.webpVersions()).extracting(Version::name)
                .containsExactly("480.webp", "960.webp", "1600.webp");
        for (int i = 0; i < processed.versions().size(); i++) {
            Version webp = processed.webpVersions().get(i);
            Version jpeg = processed.versions().get(i);
            assertThat(TestImages.isWebp(webp.bytes())).as(webp.name()).isTrue();
            BufferedImage decoded = TestImages.decode(webp.bytes());
            assertThat(decoded.getWidth()).isEqualTo(jpeg.width()).isEqualTo(webp.width());
            assertThat(decoded.getHeight()).isEqualTo(jpeg.height()).isEqualTo(webp.height());
            assertThat(webp.bytes().length).as("%s smaller than its JPEG", webp.name())
                    .isLessThan(jpeg.bytes().length);
        }
    }

    @Test
    void shouldKeepTransparencyInTheWebpCopies() {
        Processed processed = ImageProcessor.process(TestImages.png(TestImages.transparent(1000, 500)));

        assertThat(processed.webpVersions()).extracting(Version::name)
                .containsExactly("480.webp", "960.webp", "1000.webp");
        BufferedImage decoded = TestImages.decode(processed.webpVersions().get(2).bytes());
        assertThat(decoded.getRGB(10, 10) >>> 24).as("alpha of the transparent half").isZero();
        assertThat(decoded.getRGB(990, 10) >>> 24).as("alpha of the opaque half").isEqualTo(0xFF);
    }

    @Test
    void shouldDecodeUploadedWebpInJavaNotWithTheNativeLibrary() {
        javax.imageio.ImageReader reader = ImageProcessor.reader(ImageProcessor.Format.WEBP);
        try {
            assertThat(reader.getClass().getName()).startsWith("com.twelvemonkeys.");
        } finally {
            reader.dispose();
        }
    }

    @Test
    void shouldDecodeAVeryWidePictureAtAFractionOfItsSizeAndStillMakeEveryVersion() {
        // 35 megapixels: decoded as every third pixel of every third row (2334 × 1667), not at full size.
        assertThat(ImageProcessor.subsampling(7000)).isEqualTo(3);

        Processed processed = ImageProcessor.process(TestImages.jpeg(7000, 5000));

        assertThat(processed.versions()).extracting(Version::name).containsExactly("480.jpg", "960.jpg", "1600.jpg");
        // 7000 × 5000 is 7:5: 480 × 342.9, 960 × 685.7, 1600 × 1142.9
        assertThat(processed.versions()).extracting(Version::height).containsExactly(343, 686, 1143);
        BufferedImage largest = TestImages.decode(processed.largest().bytes());
        assertThat(largest.getWidth()).isEqualTo(1600);
        assertThat(largest.getHeight()).isEqualTo(1143);
        // The red quarter is still the top left quarter, to the pixel or two.
        assertThat(isRed(largest.getRGB(395, 280))).isTrue();
        assertThat(isRed(largest.getRGB(405, 290))).isFalse();
    }

    @Test
    void shouldSubsampleOnlyPicturesWiderThanTwiceTheWidestVersion() {
        assertThat(ImageProcessor.subsampling(1600)).isEqualTo(1);
        assertThat(ImageProcessor.subsampling(3200)).isEqualTo(1);
        assertThat(ImageProcessor.subsampling(3201)).isEqualTo(2);
        assertThat(ImageProcessor.subsampling(6400)).isEqualTo(2);
        assertThat(ImageProcessor.subsampling(8000)).isEqualTo(3);
    }

    @Test
    void shouldJudgeTheWidthOfATurnedPhotoUpright() {
        // Stored 4000 × 1000 but taken upright: 1000 wide, so nothing is subsampled and no detail is lost.
        byte[] jpeg = TestImages.withSegments(TestImages.jpeg(4000, 1000), TestImages.exif(6, "Camera"));

        Processed processed = ImageProcessor.process(jpeg);

        assertThat(processed.versions()).extracting(Version::name).containsExactly("480.jpg", "960.jpg", "1000.jpg");
        assertThat(processed.versions()).extracting(Version::height).containsExactly(1920, 3840, 4000);
    }

    @Test
    void shouldKeepASmallPictureAtItsOwnSize() {
        Processed processed = ImageProcessor.process(TestImages.jpeg(300, 200));

        assertThat(processed.versions()).extracting(Version::name).containsExactly("300.jpg");
        assertThat(processed.largest().height()).isEqualTo(200);
    }

    @Test
    void shouldKeepTransparencyAsPng() {
        Processed processed = ImageProcessor.process(TestImages.png(TestImages.transparent(1000, 500)));

        assertThat(processed.contentType()).isEqualTo("image/png");
        assertThat(processed.versions()).extracting(Version::name).containsExactly("480.png", "960.png", "1000.png");
        BufferedImage decoded = TestImages.decode(processed.largest().bytes());
        assertThat(decoded.getColorModel().hasAlpha()).isTrue();
        assertThat(decoded.getRGB(10, 10) >>> 24).as("alpha of the transparent half").isZero();
        assertThat(decoded.getRGB(990, 10) >>> 24).as("alpha of the opaque half").isEqualTo(0xFF);
    }

    @Test
    void shouldEncodeAnOpaquePngAsJpeg() {
        Processed processed = ImageProcessor.process(TestImages.png(TestImages.picture(600, 400)));

        assertThat(processed.contentType()).isEqualTo("image/jpeg");
        assertThat(processed.versions()).extracting(Version::name).containsExactly("480.jpg", "600.jpg");
        assertThat(processed.largest().bytes()).startsWith(0xFF, 0xD8, 0xFF);
    }

    @Test
    void shouldReadWebpPictures() {
        Processed opaque = ImageProcessor.process(TestImages.WEBP_OPAQUE);
        assertThat(opaque.contentType()).isEqualTo("image/jpeg");
        assertThat(opaque.versions()).extracting(Version::name).containsExactly("24.jpg");
        assertThat(opaque.largest().height()).isEqualTo(16);

        Processed transparent = ImageProcessor.process(TestImages.WEBP_TRANSPARENT);
        assertThat(transparent.contentType()).isEqualTo("image/png");
        BufferedImage decoded = TestImages.decode(transparent.largest().bytes());
        assertThat(decoded.getRGB(1, 1) >>> 24).isZero();
        assertThat(decoded.getRGB(6, 1) >>> 24).isEqualTo(0xFF);
    }

    @Test
    void shouldLeaveExifCommentsAndAppendedDataBehind() {
        byte[] jpeg = TestImages.withSegments(TestImages.jpeg(800, 600), TestImages.exif(1, "GPS-51.5N-SECRET-CAMERA"),
                TestImages.comment("secret note from the photographer"));
        byte[] withTrailer = concat(jpeg, "<script>appended payload</script>".getBytes(StandardCharsets.US_ASCII));

        Processed processed = ImageProcessor.process(withTrailer);

        for (Version version : processed.versions()) {
            String bytes = new String(version.bytes(), StandardCharsets.ISO_8859_1);
            assertThat(bytes).doesNotContain("SECRET", "secret", "Exif", "payload", "<script");
        }
    }

    @ParameterizedTest(name = "EXIF orientation {0} puts the top left corner at x={1} y={2}")
    @CsvSource({ "1, 0, 0", "2, 1, 0", "3, 1, 1", "4, 0, 1", "5, 0, 0", "6, 1, 0", "7, 1, 1", "8, 0, 1" })
    void shouldTurnPhotosUprightAsTheirExifOrientationSays(int orientation, int right, int bottom) {
        // 800 × 400 with a red quarter in the stored top left corner
        byte[] jpeg = TestImages.withSegments(TestImages.jpeg(800, 400), TestImages.exif(orientation, "Camera"));

        BufferedImage upright = TestImages.decode(ImageProcessor.process(jpeg).largest().bytes());

        boolean turned = orientation >= 5;
        assertThat(upright.getWidth()).isEqualTo(turned ? 400 : 800);
        assertThat(upright.getHeight()).isEqualTo(turned ? 800 : 400);
        int x = right == 1 ? upright.getWidth() - 20 : 20;
        int y = bottom == 1 ? upright.getHeight() - 20 : 20;
        assertThat(isRed(upright.getRGB(x, y))).as("red at %d,%d", x, y).isTrue();
        assertThat(isRed(upright.getRGB(upright.getWidth() - 1 - x, upright.getHeight() - 1 - y))).isFalse();
    }

    @Test
    void shouldRefuseAPictureWithTooManyPixelsBeforeDecodingIt() {
        byte[] bomb = TestImages.withPngSize(TestImages.png(TestImages.picture(20, 20)), 20_000, 20_000);

        assertThatThrownBy(() -> ImageProcessor.process(bomb)).isInstanceOfSatisfying(MediaRejectedException.class,
                e -> assertThat(e.messageKey()).isEqualTo(MediaRejectedException.IMAGE_DIMENSIONS));
    }

    @Test
    void shouldRefuseTruncatedPicturesAsDamaged() {
        byte[] jpeg = TestImages.jpeg(800, 600);
        byte[] png = TestImages.png(TestImages.picture(800, 600));

        for (byte[] truncated : List.of(Arrays.copyOf(jpeg, jpeg.length / 2), Arrays.copyOf(png, png.length / 2),
                Arrays.copyOf(jpeg, 40), concat(new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF }, new byte[500]))) {
            assertThatThrownBy(() -> ImageProcessor.process(truncated)).isInstanceOfSatisfying(
                    MediaRejectedException.class,
                    e -> assertThat(e.messageKey()).isEqualTo(MediaRejectedException.IMAGE_CORRUPT));
        }
    }

    @Test
    void shouldRefuseAJpegMissingOnlyItsEndMarker() {
        byte[] jpeg = TestImages.jpeg(400, 300);

        assertThatThrownBy(() -> ImageProcessor.process(Arrays.copyOf(jpeg, jpeg.length - 2)))
                .isInstanceOfSatisfying(MediaRejectedException.class,
                        e -> assertThat(e.messageKey()).isEqualTo(MediaRejectedException.IMAGE_CORRUPT));
    }

    @Test
    void shouldAcceptAJpegWithAStrayByteBeforeItsEndMarker() {
        // The reader warns about it ("extraneous bytes"), but every pixel is there and browsers show it.
        byte[] jpeg = TestImages.jpeg(400, 300);
        byte[] quirky = concat(Arrays.copyOf(jpeg, jpeg.length - 2), new byte[] { 0x00, (byte) 0xFF, (byte) 0xD9 });

        assertThat(ImageProcessor.process(quirky).largest().width()).isEqualTo(400);
    }

    private static boolean isRed(int rgb) {
        Color color = new Color(rgb);
        return color.getRed() > 180 && color.getGreen() < 80 && color.getBlue() < 80;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
