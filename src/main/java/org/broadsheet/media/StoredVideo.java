package org.broadsheet.media;

/**
 * An uploaded video as it is served.
 *
 * @param id          the upload's id
 * @param url         its address, e.g. {@code /media/8/video.mp4}
 * @param size        its size in bytes
 * @param contentType {@code video/mp4}
 */
public record StoredVideo(long id, String url, long size, String contentType) {
}
