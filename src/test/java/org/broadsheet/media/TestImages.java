package org.broadsheet.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/** Pictures, videos and captions made in code for the media tests: no binary fixtures but two tiny WebP files. */
final class TestImages {

    /** A 24 × 16 lossy WebP (VP8), opaque, made with cwebp. */
    static final byte[] WEBP_OPAQUE = Base64.getDecoder().decode("UklGRmYAAABXRUJQVlA4IFoAAABQBACdASoYABAAPm0skkWkIqGY"
            + "BABABsS1AE6ZQjgb0AAjN7RxM6tlxrswAP7lni7/VTE/+miVfhppgJR9v/q42ggvimXvD5p5e2o5FGMomWIdNabablmQAAA=");
    /** An 8 × 8 lossless WebP (VP8L) whose left half is transparent, made with cwebp. */
    static final byte[] WEBP_TRANSPARENT = Base64.getDecoder()
            .decode("UklGRiAAAABXRUJQVlA4TBMAAAAvB8ABEA8weEMx3PMf8Ch8RP8DAA==");

    private TestImages() {
    }

    /** An opaque picture with a red square in its top left corner. */
    static BufferedImage picture(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(40, 90, 160));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.RED);
        g.fillRect(0, 0, Math.max(1, width / 4), Math.max(1, height / 4));
        g.dispose();
        return image;
    }

    /** A picture whose left half is transparent. */
    static BufferedImage transparent(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(200, 30, 30, 255));
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        return image;
    }

    static byte[] jpeg(int width, int height) {
        return encode(picture(width, height), "jpeg");
    }

    static byte[] png(BufferedImage image) {
        return encode(image, "png");
    }

    static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Whether the bytes are a WebP file: a RIFF container of type WEBP. */
    static boolean isWebp(byte[] bytes) {
        return bytes.length >= 12 && new String(bytes, 0, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals("RIFF")
                && new String(bytes, 8, 4, java.nio.charset.StandardCharsets.ISO_8859_1).equals("WEBP");
    }

    static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JPEG with segments inserted right after its start marker (SOI). */
    static byte[] withSegments(byte[] jpeg, byte[]... segments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        for (byte[] segment : segments) {
            out.writeBytes(segment);
        }
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A JPEG comment (COM) segment. */
    static byte[] comment(String text) {
        return segment(0xFE, text.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * An EXIF (APP1) segment with an orientation, and the text as the camera's make, as a GPS position or a
     * photographer's name would be.
     */
    static byte[] exif(int orientation, String make) {
        byte[] makeBytes = (make + "\0").getBytes(StandardCharsets.US_ASCII);
        int entries = 2;
        int ifdSize = 2 + entries * 12 + 4;
        ByteBuffer tiff = ByteBuffer.allocate(8 + ifdSize + makeBytes.length);
        tiff.put(new byte[] { 'M', 'M', 0, 42 }).putInt(8);
        tiff.putShort((short) entries);
        tiff.putShort((short) 0x010F).putShort((short) 2).putInt(makeBytes.length).putInt(8 + ifdSize); // Make
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0);
        tiff.put(makeBytes);
        byte[] header = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        byte[] payload = Arrays.copyOf(header, header.length + tiff.capacity());
        System.arraycopy(tiff.array(), 0, payload, header.length, tiff.capacity());
        return segment(0xE1, payload);
    }

    private static byte[] segment(int marker, byte[] payload) {
        ByteBuffer segment = ByteBuffer.allocate(4 + payload.length);
        segment.put((byte) 0xFF).put((byte) marker).putShort((short) (payload.length + 2)).put(payload);
        return segment.array();
    }

    /** The PNG with the width and height in its header changed (and the header's checksum made right again). */
    static byte[] withPngSize(byte[] png, int width, int height) {
        byte[] copy = png.clone();
        ByteBuffer.wrap(copy, 16, 8).putInt(width).putInt(height);
        CRC32 crc = new CRC32();
        crc.update(copy, 12, 17); // "IHDR" and its 13 bytes
        ByteBuffer.wrap(copy, 29, 4).putInt((int) crc.getValue());
        return copy;
    }

    /** An MP4 file in outline: an ftyp box of that brand (major and compatible), then an mdat box of filler. */
    static byte[] mp4(String brand, int size) {
        ByteBuffer video = ByteBuffer.allocate(Math.max(size, 40));
        video.putInt(24).put(ascii("ftyp")).put(ascii(brand)).putInt(512).put(ascii(brand)).put(ascii(brand));
        video.putInt(video.capacity() - 24).put(ascii("mdat"));
        while (video.hasRemaining()) {
            video.put((byte) (video.position() % 251));
        }
        return video.array();
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A plain-coloured PNG of any size and depth, written row by row so that making a 40-megapixel one takes no
     * more memory than a row: {@code bitDepth} 8 or 16, colour type 6 (RGBA). Highly compressible, so a picture
     * that decodes into hundreds of megabytes is a file of a few hundred kilobytes.
     */
    static byte[] flatPng(int width, int height, int bitDepth) {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            out.write(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
            java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(13).putInt(width).putInt(height)
                    .put((byte) bitDepth).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);
            chunk(out, "IHDR", header.array());
            java.io.ByteArrayOutputStream compressed = new java.io.ByteArrayOutputStream();
            java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.BEST_COMPRESSION);
            try (java.util.zip.DeflaterOutputStream zip = new java.util.zip.DeflaterOutputStream(compressed, deflater,
                    64 * 1024)) {
                byte[] row = new byte[1 + width * 4 * bitDepth / 8];
                for (int i = 1; i < row.length; i++) {
                    row[i] = (byte) 0x80; // mid grey, half transparent: no filter, every row the same
                }
                for (int y = 0; y < height; y++) {
                    zip.write(row);
                }
            }
            deflater.end();
            chunk(out, "IDAT", compressed.toByteArray());
            chunk(out, "IEND", new byte[0]);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void chunk(java.io.ByteArrayOutputStream out, String type, byte[] data) throws java.io.IOException {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        crc.update(name);
        crc.update(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(name);
        out.write(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
