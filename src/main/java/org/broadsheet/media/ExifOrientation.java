package org.broadsheet.media;

import java.awt.geom.AffineTransform;

/**
 * The EXIF orientation of a JPEG (how the camera was held), read from the file's own bytes, and the transform
 * that draws its pixels upright. Re-encoding drops the EXIF block, so the turn must be applied to the pixels.
 */
final class ExifOrientation {

    private static final int TAG_ORIENTATION = 0x0112;

    private ExifOrientation() {
    }

    /** The orientation, 1 (upright) to 8; 1 when the file has none or it cannot be read. */
    static int of(byte[] jpeg) {
        int i = 2; // after SOI
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xFF) == 0xFF) {
            int marker = jpeg[i + 1] & 0xFF;
            if (marker == 0xDA || marker == 0xD9) {
                break; // image data: no metadata after this
            }
            int length = u16(jpeg, i + 2, false);
            if (length < 2) {
                break;
            }
            int start = i + 4;
            int end = Math.min(i + 2 + length, jpeg.length);
            if (marker == 0xE1 && end - start >= 14 && jpeg[start] == 'E' && jpeg[start + 1] == 'x'
                    && jpeg[start + 2] == 'i' && jpeg[start + 3] == 'f' && jpeg[start + 4] == 0
                    && jpeg[start + 5] == 0) {
                return fromTiff(jpeg, start + 6, end);
            }
            i += 2 + length;
        }
        return 1;
    }

    private static int fromTiff(byte[] b, int tiff, int end) {
        boolean little;
        if (b[tiff] == 'I' && b[tiff + 1] == 'I') {
            little = true;
        } else if (b[tiff] == 'M' && b[tiff + 1] == 'M') {
            little = false;
        } else {
            return 1;
        }
        long offset = u32(b, tiff + 4, little);
        if (offset < 8 || tiff + offset + 2 > end) {
            return 1;
        }
        int ifd = (int) (tiff + offset);
        int entries = u16(b, ifd, little);
        for (int k = 0; k < entries; k++) {
            int entry = ifd + 2 + k * 12;
            if (entry + 12 > end) {
                break;
            }
            if (u16(b, entry, little) == TAG_ORIENTATION) {
                int value = u16(b, entry + 8, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    /**
     * Maps the stored pixels of a {@code width} by {@code height} picture onto the upright picture (which is
     * {@code height} by {@code width} for orientations 5 to 8).
     */
    static AffineTransform transform(int orientation, int width, int height) {
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> { // mirrored left to right
                t.scale(-1, 1);
                t.translate(-width, 0);
            }
            case 3 -> { // upside down
                t.translate(width, height);
                t.rotate(Math.PI);
            }
            case 4 -> { // mirrored top to bottom
                t.scale(1, -1);
                t.translate(0, -height);
            }
            case 5 -> { // transposed
                t.rotate(-Math.PI / 2);
                t.scale(-1, 1);
            }
            case 6 -> { // turned a quarter anticlockwise: turn it clockwise
                t.translate(height, 0);
                t.rotate(Math.PI / 2);
            }
            case 7 -> { // transversed
                t.scale(-1, 1);
                t.translate(-height, 0);
                t.translate(0, width);
                t.rotate(3 * Math.PI / 2);
            }
            case 8 -> { // turned a quarter clockwise: turn it anticlockwise
                t.translate(0, width);
                t.rotate(3 * Math.PI / 2);
            }
            default -> {
                // upright
            }
        }
        return t;
    }

    private static int u16(byte[] b, int i, boolean little) {
        if (i + 2 > b.length) {
            return -1;
        }
        int a = b[i] & 0xFF;
        int c = b[i + 1] & 0xFF;
        return little ? c << 8 | a : a << 8 | c;
    }

    private static long u32(byte[] b, int i, boolean little) {
        if (i + 4 > b.length) {
            return -1;
        }
        long high = u16(b, little ? i + 2 : i, little);
        long low = u16(b, little ? i : i + 2, little);
        return high << 16 | low;
    }
}
