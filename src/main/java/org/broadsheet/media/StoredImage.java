package org.broadsheet.media;

/**
 * An uploaded image as it is served: the largest version's address and size, and every version for a responsive
 * {@code srcset} (for example {@code "/media/7/480.jpg 480w, /media/7/960.jpg 960w, /media/7/1600.jpg 1600w"}).
 *
 * @param id          the upload's id
 * @param url         the largest version, e.g. {@code /media/7/1600.jpg}
 * @param width       the largest version's width in pixels
 * @param height      the largest version's height in pixels
 * @param srcset      every version, smallest first, as the {@code srcset} attribute wants them
 * @param contentType {@code image/jpeg}, or {@code image/png} for an image with transparency
 * @param webpSrcset  the same versions as WebP ({@code "/media/7/480.webp 480w, ..."}), for a {@code <source>}
 *                    of type {@code image/webp}; null for a picture stored without them
 */
public record StoredImage(long id, String url, int width, int height, String srcset, String contentType,
        String webpSrcset) {

    /** A picture without WebP versions. */
    public StoredImage(long id, String url, int width, int height, String srcset, String contentType) {
        this(id, url, width, height, srcset, contentType, null);
    }

    /** The smallest version's address, for a small picture such as an author's photo. */
    public String smallestUrl() {
        return srcset.split(" ", 2)[0];
    }
}
