package org.broadsheet.media;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import org.broadsheet.shared.NotFoundException;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Serves uploaded media at {@code /media/{key}/{name}}, the key being random so that no address can be guessed.
 * What a page readers can see shows goes to everyone, and never changes once stored, so browsers and proxies may
 * keep it for a year; the rest (a draft's pictures, an abandoned upload) only to staff, kept by nobody, and to
 * anyone else it does not exist. A video answers Range requests (Spring does, for a {@link Resource}), so readers
 * can seek in it. A key matches no folder name, which leaves {@code /media/demo/...} to the static files.
 */
@Controller
class MediaController {

    private static final CacheControl FOREVER = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
    private static final CacheControl STAFF_ONLY = CacheControl.noStore().cachePrivate();

    private final MediaService media;

    MediaController(MediaService media) {
        this.media = media;
    }

    @GetMapping("/media/{key:" + MediaNames.KEY_PATTERN + "}/{name:[a-z0-9]+\\.[a-z0-9]+}")
    ResponseEntity<Resource> file(@PathVariable String key, @PathVariable String name, HttpServletRequest request) {
        MediaService.ServedFile file = media.file(key, name).filter(found -> found.everyone() || staff(request))
                .orElseThrow(() -> new NotFoundException("media " + key + "/" + name));
        MediaType type = MediaType.parseMediaType(file.contentType());
        return ResponseEntity.ok()
                .contentType("text".equals(type.getType()) ? new MediaType(type, StandardCharsets.UTF_8) : type)
                .cacheControl(file.everyone() ? FOREVER : STAFF_ONLY)
                .header("X-Content-Type-Options", "nosniff")
                .body(file.resource());
    }

    private static boolean staff(HttpServletRequest request) {
        return request.isUserInRole("EDITOR") || request.isUserInRole("MODERATOR") || request.isUserInRole("ADMIN");
    }
}
