package org.broadsheet.media;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.broadsheet.shared.NotFoundException;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Serves uploaded media to everyone at {@code /media/{id}/{name}}. A file never changes once stored, so browsers
 * and proxies may keep it for a year; a video answers Range requests (Spring does, for a {@link Resource}), so
 * readers can seek in it. The id is digits only, which leaves {@code /media/demo/...} to the static files.
 */
@Controller
class MediaController {

    private static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    private final MediaService media;

    MediaController(MediaService media) {
        this.media = media;
    }

    @GetMapping("/media/{id:[0-9]+}/{name:[a-z0-9]+\\.[a-z0-9]+}")
    ResponseEntity<Resource> file(@PathVariable String id, @PathVariable String name) {
        MediaService.ServedFile file = media.file(parse(id), name)
                .orElseThrow(() -> new NotFoundException("media " + id + "/" + name));
        MediaType type = MediaType.parseMediaType(file.contentType());
        return ResponseEntity.ok()
                .contentType("text".equals(type.getType()) ? new MediaType(type, StandardCharsets.UTF_8) : type)
                .cacheControl(FOREVER)
                .header("X-Content-Type-Options", "nosniff")
                .body(file.resource());
    }

    /** The id, or -1 when it has too many digits to be one. */
    private static long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
