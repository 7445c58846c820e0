package org.broadsheet.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.SampleModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Turns the bytes of an uploaded picture into the versions the site serves. The type comes from the file's
 * first bytes, the pixel size and the bytes of each decoded pixel from its header before anything is decoded
 * (so a small file that would unpack into gigabytes is refused, and a large one, wide or tall, is decoded at a
 * fraction of its size within a fixed amount of memory, see {@link #subsampling(long, long, int)}), and every
 * version is drawn and encoded anew: JPEG, or PNG when the picture has transparent pixels, and each also as WebP
 * (see {@link WebpEncoder}) for the browsers that take it. Nothing of the original file but its pixels survives:
 * no EXIF, GPS position, comments, colour-profile tricks or data appended after the image. The EXIF orientation
 * is applied first, so that photos taken upright stay upright once their metadata is gone.
 */
final class ImageProcessor {

    /** The widths of the versions for {@code srcset}; a picture is never made wider than it was. */
    static final int[] WIDTHS = { 480, 960, 1600 };
    static final long MAX_PIXELS = 40_000_000L;
    /** The widest a picture is decoded: twice its widest version, enough to scale that version down smoothly. */
    static final int MAX_DECODED_WIDTH = 2 * WIDTHS[WIDTHS.length - 1];
    /**
     * The most memory one picture's pixels take while it is worked on: the decoded pixels (up to 8 bytes each
     * for 16-bit RGBA) plus the upright copy drawn from them (4 bytes each). With {@link ImageSlots#SLOTS} at
     * once, pictures never take more than a fixed part of the heap, whatever their shape.
     */
    static final long MAX_WORKING_BYTES = 64L * 1024 * 1024;
    /** What the upright copy costs a pixel (INT_RGB or INT_ARGB). */
    private static final int DRAWN_BYTES_PER_PIXEL = 4;
    private static final float JPEG_QUALITY = 0.85f;

    /** A version ready to store. */
    record Version(String name, int width, int height, byte[] bytes) {
    }

    /**
     * Every version, narrowest first, all of one type; and their WebP copies of the same widths (none where no
     * WebP encoder works).
     */
    record Processed(String contentType, List<Version> versions, List<Version> webpVersions) {

        Version largest() {
            return versions.get(versions.size() - 1);
        }
    }

    private static final String JAVA_WEBP_READER = "com.twelvemonkeys.imageio.plugins.webp.";

    enum Format {
        JPEG("jpeg"), PNG("png"), WEBP("webp");

        private final String readerName;

        Format(String readerName) {
            this.readerName = readerName;
        }

        static Format sniff(byte[] b) {
            if (b.length >= 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
                return JPEG;
            }
            if (b.length >= 8 && Arrays.equals(Arrays.copyOf(b, 8),
                    new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' })) {
                return PNG;
            }
            if (b.length >= 12 && UploadChecks.ascii(b, 0, "RIFF") && UploadChecks.ascii(b, 8, "WEBP")) {
                return WEBP;
            }
            return null;
        }
    }

    private ImageProcessor() {
    }

    static Processed process(byte[] bytes) {
        if (bytes.length == 0) {
            throw new MediaRejectedException(MediaRejectedException.EMPTY);
        }
        Format format = Format.sniff(bytes);
        if (format == null) {
            throw new MediaRejectedException(MediaRejectedException.IMAGE_TYPE);
        }
        int orientation = format == Format.JPEG ? ExifOrientation.of(bytes) : 1;
        boolean turned = orientation >= 5 && orientation <= 8;
        Decoded decoded = decode(bytes, format, turned);
        BufferedImage pixels = decoded.image();
        boolean transparent = pixels.getColorModel().hasAlpha() && hasTransparentPixel(pixels);
        BufferedImage picture = redraw(pixels, orientation, transparent);
        pixels.flush();
        // The shape of the versions comes from the original size: a subsampled picture is rounded to whole pixels.
        int width = turned ? decoded.height() : decoded.width();
        int height = turned ? decoded.width() : decoded.height();
        List<Version> versions = new ArrayList<>();
        List<Version> webpVersions = new ArrayList<>();
        versions(picture, width, height, transparent, versions, webpVersions);
        // A WebP copy of every version, or of none: a srcset must not skip a width.
        return new Processed(transparent ? "image/png" : "image/jpeg", List.copyOf(versions),
                webpVersions.size() == versions.size() ? List.copyOf(webpVersions) : List.of());
    }

    /** The widths of the versions of a picture this wide: the standard ones below it, and its own (at most 1600). */
    static List<Integer> widthsFor(int width) {
        int largest = Math.min(width, WIDTHS[WIDTHS.length - 1]);
        List<Integer> widths = new ArrayList<>();
        for (int standard : WIDTHS) {
            if (standard < largest) {
                widths.add(standard);
            }
        }
        widths.add(largest);
        return widths;
    }

    /**
     * Of every n × n source pixels, one is decoded: n is 1 for a picture at most {@link #MAX_DECODED_WIDTH} wide
     * once upright, else the least whole number that brings it within that. A 40-megapixel photo then takes a
     * fraction of the memory it would at full size, and the widest version is still scaled down smoothly from at
     * least 1600 pixels.
     */
    static int subsampling(long uprightWidth) {
        return (int) Math.max(1, (uprightWidth + MAX_DECODED_WIDTH - 1) / MAX_DECODED_WIDTH);
    }

    /**
     * The subsampling for a picture of this size whose decoded pixels take {@code bytesPerPixel} bytes each: at
     * least what its width asks for ({@link #subsampling(long)}), and enough that the decoded pixels and their
     * upright copy fit in {@link #MAX_WORKING_BYTES}, so a tall picture is subsampled too.
     */
    static int subsampling(long width, long height, int bytesPerPixel) {
        int factor = subsampling(width);
        while (working(width, height, factor, bytesPerPixel) > MAX_WORKING_BYTES) {
            factor++;
        }
        return factor;
    }

    /** The bytes of pixels one picture takes while it is worked on, decoded with this subsampling. */
    static long working(long width, long height, int factor, int bytesPerPixel) {
        long pixels = ceilDiv(width, factor) * ceilDiv(height, factor);
        return pixels * (bytesPerPixel + DRAWN_BYTES_PER_PIXEL);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    /**
     * How many bytes each decoded pixel takes: from the reader's own type for the picture (16-bit RGBA is 8);
     * 8, the most any supported type takes, when the reader does not say.
     */
    private static int bytesPerPixel(ImageReader reader) throws IOException {
        ImageTypeSpecifier type = reader.getRawImageType(0);
        if (type == null) {
            Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
            type = types.hasNext() ? types.next() : null;
        }
        if (type == null) {
            return 8;
        }
        SampleModel model = type.getSampleModel();
        int bits = model.getNumDataElements() * DataBuffer.getDataTypeSize(model.getDataType());
        return Math.max(1, (bits + 7) / 8);
    }

    /** The decoded pixels (perhaps subsampled) and the picture's size in its file. */
    private record Decoded(BufferedImage image, int width, int height) {
    }

    private static Decoded decode(byte[] bytes, Format format, boolean turned) {
        ImageReader reader = reader(format);
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(input, true, true);
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width < 1 || height < 1 || width * height > MAX_PIXELS) {
                throw new MediaRejectedException(MediaRejectedException.IMAGE_DIMENSIONS);
            }
            ImageReadParam param = reader.getDefaultReadParam();
            long uprightWidth = turned ? height : width;
            long uprightHeight = turned ? width : height;
            int factor = subsampling(uprightWidth, uprightHeight, bytesPerPixel(reader));
            // So narrow once subsampled that its versions would be blurred: a strip, not a picture for an article.
            if (uprightWidth / factor < Math.min(uprightWidth, WIDTHS[0])) {
                throw new MediaRejectedException(MediaRejectedException.IMAGE_SHAPE);
            }
            if (factor > 1) {
                param.setSourceSubsampling(factor, factor, 0, 0);
            }
            BufferedImage image = reader.read(0, param);
            // The JPEG reader only warns about a file cut short, and fills the rest with grey. Its other warnings
            // (an invalid colour profile, stray bytes before a marker) are about files browsers show as they are.
            if (warnings.stream().anyMatch(ImageProcessor::truncation)) {
                throw new MediaRejectedException(MediaRejectedException.IMAGE_CORRUPT);
            }
            return new Decoded(image, (int) width, (int) height);
        } catch (MediaRejectedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new MediaRejectedException(MediaRejectedException.IMAGE_CORRUPT);
        } finally {
            reader.dispose();
        }
    }

    /**
     * The reader for the format. For WebP, TwelveMonkeys' reader, written in Java, and not the native libwebp one
     * that came with the WebP writer: what an uploader sent is never handed to native code.
     */
    static ImageReader reader(Format format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.readerName);
        ImageReader chosen = null;
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            boolean java = format != Format.WEBP || reader.getClass().getName().startsWith(JAVA_WEBP_READER);
            if (chosen == null && java) {
                chosen = reader;
            } else {
                reader.dispose();
            }
        }
        if (chosen == null) {
            // Only if the TwelveMonkeys WebP plugin is missing from the class path.
            throw new MediaRejectedException(MediaRejectedException.IMAGE_TYPE);
        }
        return chosen;
    }

    private static boolean truncation(String warning) {
        String text = warning.toLowerCase(Locale.ROOT);
        return text.contains("truncated") || text.contains("missing eoi") || text.contains("premature end");
    }

    private static boolean hasTransparentPixel(BufferedImage image) {
        int[] row = new int[image.getWidth()];
        for (int y = 0; y < image.getHeight(); y++) {
            image.getRGB(0, y, row.length, 1, row, 0, row.length);
            for (int argb : row) {
                if (argb >>> 24 != 0xFF) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Draws the pixels upright into a plain RGB (or ARGB) picture, leaving every other part of the file behind. */
    private static BufferedImage redraw(BufferedImage source, int orientation, boolean transparent) {
        int w = source.getWidth();
        int h = source.getHeight();
        boolean turned = orientation >= 5 && orientation <= 8;
        BufferedImage target = new BufferedImage(turned ? h : w, turned ? w : h,
                transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.drawImage(source, ExifOrientation.transform(orientation, w, h), null);
        } finally {
            g.dispose();
        }
        return target;
    }

    /**
     * The versions of the upright picture, whose original size (before any subsampling) is width × height: never
     * wider than it was decoded, since a subsampled picture is not scaled up again. Each is also added to
     * {@code webpVersions} as WebP, while the encoder works.
     */
    private static void versions(BufferedImage picture, int width, int height, boolean transparent,
            List<Version> versions, List<Version> webpVersions) {
        List<Integer> widths = widthsFor(Math.min(width, picture.getWidth()));
        BufferedImage current = picture;
        // Widest first, each made from the one before: fewer, smaller steps look better and cost less.
        for (int i = widths.size() - 1; i >= 0; i--) {
            int targetWidth = widths.get(i);
            current = scaled(current, targetWidth, heightAt(targetWidth, width, height));
            String name = current.getWidth() + (transparent ? ".png" : ".jpg");
            versions.add(0, new Version(name, current.getWidth(), current.getHeight(),
                    transparent ? png(current) : jpeg(current)));
            Optional<byte[]> webp = WebpEncoder.encode(current, transparent);
            if (webp.isPresent()) {
                webpVersions.add(0, new Version(current.getWidth() + ".webp", current.getWidth(),
                        current.getHeight(), webp.get()));
            }
        }
    }

    private static int heightAt(int targetWidth, int width, int height) {
        return (int) Math.max(1, Math.round((double) height * targetWidth / width));
    }

    /** Scales down in steps of at most half, with bilinear filtering, which keeps thin lines and text sharp. */
    private static BufferedImage scaled(BufferedImage source, int targetWidth, int targetHeight) {
        if (source.getWidth() <= targetWidth && source.getHeight() <= targetHeight) {
            return source;
        }
        BufferedImage current = source;
        int w = source.getWidth();
        int h = source.getHeight();
        do {
            w = Math.max(targetWidth, w / 2);
            h = Math.max(targetHeight, h / 2);
            BufferedImage next = new BufferedImage(w, h, source.getType());
            Graphics2D g = next.createGraphics();
            try {
                g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
                g.drawImage(current, 0, 0, w, h, null);
            } finally {
                g.dispose();
            }
            current = next;
        } while (w != targetWidth || h != targetHeight);
        return current;
    }

    private static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static byte[] png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", bytes)) {
                throw new IllegalStateException("No PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
