package org.broadsheet.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Optional;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encodes the WebP copy of each version of a picture, with the libwebp that webp-imageio bundles. It only ever
 * encodes pixels this module drew itself, never an uploader's bytes. Where that native library cannot be loaded
 * (a platform it is not built for), pictures are simply stored without WebP copies and pages offer JPEG or PNG
 * alone: the upload is never refused for it.
 */
final class WebpEncoder {

    static final String CONTENT_TYPE = "image/webp";
    /** libwebp's quality of 80: about a third of the JPEG's size at 0.85 for the same look. */
    private static final float LOSSY_QUALITY = 0.80f;

    private static final Logger log = LoggerFactory.getLogger(WebpEncoder.class);
    private static volatile boolean unavailable;

    private WebpEncoder() {
    }

    /**
     * The picture as WebP: lossy for a photo, lossless for a picture with transparency (a graphic, which was
     * stored as PNG for the same reason); empty when no WebP encoder works here.
     */
    static Optional<byte[]> encode(BufferedImage image, boolean lossless) {
        if (unavailable) {
            return Optional.empty();
        }
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByMIMEType(CONTENT_TYPE);
        if (!writers.hasNext()) {
            return disable("no WebP writer on the class path", null);
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionType(lossless ? "Lossless" : "Lossy");
            if (!lossless) {
                param.setCompressionQuality(LOSSY_QUALITY);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (LinkageError e) {
            // The native library did not load (UnsatisfiedLinkError): it will not on a later try either.
            return disable("the WebP writer cannot load libwebp here", e);
        } catch (IOException | RuntimeException e) {
            log.warn("A picture is stored without its WebP copy", e);
            return Optional.empty();
        } finally {
            writer.dispose();
        }
        return Optional.of(bytes.toByteArray());
    }

    private static Optional<byte[]> disable(String why, Throwable cause) {
        if (!unavailable) {
            unavailable = true;
            log.warn("Pictures are stored without WebP copies: {}", why, cause);
        }
        return Optional.empty();
    }
}
