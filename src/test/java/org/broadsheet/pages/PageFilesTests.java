package org.broadsheet.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The files kept for sendfile: one per cached page, removed a little while after the page is let go. */
class PageFilesTests {

    @Test
    void shouldWriteEachPageToAFileOfItsOwn() throws Exception {
        PageFiles files = new PageFiles(Duration.ofSeconds(60));
        Path first = files.write(".html", "<p>page</p>".getBytes());
        Path second = files.write(".html", "<p>page</p>".getBytes());

        assertThat(second).isNotEqualTo(first);
        assertThat(Files.readString(first)).isEqualTo("<p>page</p>");
        assertThat(files.count()).isEqualTo(2);
    }

    @Test
    void shouldRemoveAReleasedFileOnlyAfterItsGraceTime() throws Exception {
        PageFiles files = new PageFiles(Duration.ofMillis(300));
        Path released = files.write(".html", new byte[] { 1 });
        Path kept = files.write(".html", new byte[] { 2 });

        files.release(released);

        assertThat(released).as("a response may still be sending it").exists();
        await().atMost(Duration.ofSeconds(5)).until(() -> !Files.exists(released));
        assertThat(kept).exists();
    }
}
