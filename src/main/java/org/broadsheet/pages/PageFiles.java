package org.broadsheet.pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies of large cached pages in a temporary folder, so that Tomcat can send them with {@code sendfile}: the
 * bytes go from the kernel's page cache to the socket without passing through the JVM, as a static file server
 * does. Each cached page has files of its own, removed a little while after the cache lets the page go, so that
 * a response already on its way never loses its file; the folder therefore never holds much more than the pages
 * the cache keeps.
 */
final class PageFiles {

    /** Below this, writing from memory is as quick (measured with bench/article-page.sh). */
    static final int SENDFILE_FROM = 32 * 1024;
    /** How long a file outlives its page: Tomcat opens it as soon as the response that names it is sent. */
    static final Duration GRACE = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(PageFiles.class);
    private static final String SUPPORT = "org.apache.tomcat.sendfile.support";
    private static final String FILENAME = "org.apache.tomcat.sendfile.filename";
    private static final String START = "org.apache.tomcat.sendfile.start";
    private static final String END = "org.apache.tomcat.sendfile.end";

    private final Path folder;
    private final Duration grace;
    private final AtomicLong names = new AtomicLong();
    private final ScheduledExecutorService remover = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "page-files");
        thread.setDaemon(true);
        return thread;
    });

    PageFiles(Duration grace) {
        this.grace = grace;
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

    /** Writes the bytes to a new file of their own; null when it cannot. */
    Path write(String suffix, byte[] bytes) {
        if (folder == null) {
            return null;
        }
        Path file = folder.resolve(names.incrementAndGet() + suffix);
        try {
            Path partial = Files.createTempFile(folder, "partial-", ".tmp");
            Files.write(partial, bytes);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            log.debug("Could not keep {}: {}", file, e.toString());
            return null;
        }
    }

    /** The page no longer uses the file: it goes once responses that may still be sending it are done. */
    void release(Path file) {
        if (file == null) {
            return;
        }
        if (grace.isZero()) {
            file.toFile().delete();
            return;
        }
        remover.schedule(() -> file.toFile().delete(), grace.toMillis(), TimeUnit.MILLISECONDS);
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

    /** How many files the folder holds now. */
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
}
