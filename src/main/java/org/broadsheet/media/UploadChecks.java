package org.broadsheet.media;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** What makes a file an MP4 video or a WebVTT captions file, judged from its bytes alone. */
final class UploadChecks {

    /** How much of a video is read to find its {@code ftyp} box. */
    static final int VIDEO_HEAD = 256;

    /** The {@code ftyp} brands of MP4 files that browsers play; QuickTime ({@code qt  }) and others are refused. */
    private static final Set<String> MP4_BRANDS = Set.of("isom", "iso2", "iso3", "iso4", "iso5", "iso6", "iso7",
            "iso8", "iso9", "mp41", "mp42", "avc1", "av01", "dash", "M4V ", "mmp4", "MSNV");

    private UploadChecks() {
    }

    /**
     * Whether the file starts with an ISO base media {@code ftyp} box whose major or a compatible brand is an MP4
     * one.
     */
    static boolean isMp4(byte[] head) {
        if (head.length < 16 || !ascii(head, 4, "ftyp")) {
            return false;
        }
        long size = ByteBuffer.wrap(head, 0, 4).getInt() & 0xFFFFFFFFL;
        if (size < 16 || size % 4 != 0) {
            return false;
        }
        int end = (int) Math.min(size, head.length);
        if (MP4_BRANDS.contains(text(head, 8))) {
            return true;
        }
        for (int i = 16; i + 4 <= end; i += 4) {
            if (MP4_BRANDS.contains(text(head, i))) {
                return true;
            }
        }
        return false;
    }

    /** The captions as text if they are UTF-8 and start with the WebVTT signature; otherwise refused. */
    static String webVtt(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            throw new MediaRejectedException(MediaRejectedException.CAPTIONS_ENCODING);
        }
        // "WEBVTT" alone on its line, or followed by a space or tab and a header text.
        if (!text.startsWith("WEBVTT") || text.length() > 6 && " \t\r\n".indexOf(text.charAt(6)) < 0) {
            throw new MediaRejectedException(MediaRejectedException.CAPTIONS_TYPE);
        }
        return text;
    }

    private static String text(byte[] b, int offset) {
        return new String(b, offset, 4, StandardCharsets.ISO_8859_1);
    }

    /** Whether the four bytes at the offset are that text. */
    static boolean ascii(byte[] b, int offset, String text) {
        return text(b, offset).equals(text);
    }
}
