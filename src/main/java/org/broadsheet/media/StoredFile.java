package org.broadsheet.media;

/**
 * An uploaded file served as it was sent, such as a WebVTT captions file.
 *
 * @param id          the upload's id
 * @param url         its address, e.g. {@code /media/9/captions.vtt}
 * @param size        its size in bytes
 * @param contentType e.g. {@code text/vtt}
 */
public record StoredFile(long id, String url, long size, String contentType) {
}
