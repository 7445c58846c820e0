package org.broadsheet.media;

/**
 * An upload refused because of what it is (wrong type, too large, damaged, empty). The key is a message in
 * {@code messages.properties} written for editors, to show next to the form's file field.
 */
public class MediaRejectedException extends RuntimeException {

    public static final String EMPTY = "media.rejected.empty";
    public static final String IMAGE_TYPE = "media.rejected.image.type";
    public static final String IMAGE_SIZE = "media.rejected.image.size";
    public static final String IMAGE_DIMENSIONS = "media.rejected.image.dimensions";
    /** So tall and narrow that it cannot be decoded within the memory a picture may take and still be sharp. */
    public static final String IMAGE_SHAPE = "media.rejected.image.shape";
    public static final String IMAGE_CORRUPT = "media.rejected.image.corrupt";
    /** Not about the file: too many pictures were being processed at once; sending it again a little later works. */
    public static final String IMAGE_BUSY = "media.rejected.image.busy";
    public static final String VIDEO_TYPE = "media.rejected.video.type";
    public static final String VIDEO_SIZE = "media.rejected.video.size";
    public static final String CAPTIONS_TYPE = "media.rejected.captions.type";
    public static final String CAPTIONS_ENCODING = "media.rejected.captions.encoding";
    public static final String CAPTIONS_SIZE = "media.rejected.captions.size";

    private final String messageKey;

    public MediaRejectedException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    /** The key of the message that tells the editor what was wrong, one of the constants of this class. */
    public String messageKey() {
        return messageKey;
    }
}
