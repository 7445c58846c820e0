package org.broadsheet.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies of large cached pages in a temporary folder, so that Tomcat can send them with {@code sendfile}: the
 * bytes go from the kernel's page cache to the socket without passing through the JVM, as a static file server
 * does. Files are named by their content's hash and removed a while after the cache stops using them, so a
 * response on its way never loses its file.
 */
final class PageFiles {

    /** Below this, writing from memory is as quick (measured with bench/article-page.sh). */
    static final int SENDFILE_FROM = 32 * 1024;

    private static final Logger log = LoggerFactory.getLogger(PageFiles.class);
    private static final String SUPPORT = "org.apache.tomcat.sendfile.support";
    private static final String FILENAME = "org.apache.tomcat.sendfile.filename";
    private static final String START = "org.apache.tomcat.sendfile.start";
    private static final String END = "org.apache.tomcat.sendfile.end";
    private static final Duration TIDY_EVERY = Duration.ofMinutes(1);

    private final Path folder;
    private volatile long lastTidied = System.currentTimeMillis();
    /** How long a file no cached page uses is kept, for responses still on their way. */
    private final Duration keepUnused;

    PageFiles(Duration ttl) {
        Duration twice = ttl.multipliedBy(2);
        this.keepUnused = twice.compareTo(Duration.ofMinutes(5)) > 0 ? twice : Duration.ofMinutes(5);
        Path created;
        try {
            created = Files.createTempDirectory("broadsheet-pages-");
        } catch (IOException | UncheckedIOException e) {
            log.warn("No folder for cached pages ({}); they are sent from memory", e.toString());
            created = null;
        }
        this.folder = created;
        if (created != null) {
            Path toRemove = created;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> removeAll(toRemove), "page-files-cleanup"));
        }
    }

    private static void removeAll(Path folder) {
        try (Stream<Path> listed = Files.list(folder)) {
            listed.forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            // Nothing more to do at shutdown.
        }
        folder.toFile().delete();
    }

    /** Writes the bytes under this name (once: the name is their hash); null when it cannot. */
    Path write(String name, byte[] bytes) {
        if (folder == null) {
            return null;
        }
        Path file = folder.resolve(name);
        try {
            if (!Files.exists(file)) {
                Path partial = Files.createTempFile(folder, "partial-", ".tmp");
                Files.write(partial, bytes);
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            file.toFile().setLastModified(System.currentTimeMillis());
            return file;
        } catch (IOException e) {
            log.debug("Could not keep {}: {}", file, e.toString());
            return null;
        }
    }

    /** Asks Tomcat to send the file as the response body; false where it cannot (other servers, tests). */
    static boolean sendfile(HttpServletRequest request, Path file, long length) {
        if (!Boolean.TRUE.equals(request.getAttribute(SUPPORT)) || !Files.isReadable(file)) {
            return false;
        }
        request.setAttribute(FILENAME, file.toString());
        request.setAttribute(START, 0L);
        request.setAttribute(END, length);
        return true;
    }

    long count() {
        if (folder == null) {
            return 0;
        }
        try (Stream<Path> listed = Files.list(folder)) {
            return listed.count();
        } catch (IOException e) {
            return 0;
        }
    }

    /** Removes, in the background, the files no cached page uses that were last used a while ago. */
    CompletableFuture<Void> forgetOld(Set<Path> inUse) {
        lastTidied = System.currentTimeMillis();
        return folder == null ? CompletableFuture.completedFuture(null)
                : CompletableFuture.runAsync(() -> remove(inUse));
    }

    /**
     * Tidies now and then while pages keep being stored without the cache ever being cleared (on a quiet site
     * a page re-rendered after it expires is new bytes, and so a new file, whenever a relative time moved on).
     */
    void tidyNowAndThen(Supplier<Set<Path>> inUse) {
        if (System.currentTimeMillis() - lastTidied > TIDY_EVERY.toMillis()) {
            forgetOld(inUse.get());
        }
    }

    private void remove(Set<Path> inUse) {
        Instant before = Instant.now().minus(keepUnused);
        try (Stream<Path> listed = Files.list(folder)) {
            listed.filter(file -> !inUse.contains(file)).filter(file -> {
                try {
                    return Files.getLastModifiedTime(file).toInstant().isBefore(before);
                } catch (IOException e) {
                    return false;
                }
            }).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            log.debug("Could not tidy {}: {}", folder, e.toString());
        }
    }
}
