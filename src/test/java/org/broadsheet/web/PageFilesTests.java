package org.broadsheet.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The files kept for sendfile: written once per content, and removed only when unused and old. */
class PageFilesTests {

    private final PageFiles files = new PageFiles(Duration.ofSeconds(60));

    @Test
    void shouldWriteEachContentOnceUnderItsName() throws Exception {
        Path first = files.write("abc.html", "<p>page</p>".getBytes());
        Path again = files.write("abc.html", "<p>page</p>".getBytes());

        assertThat(again).isEqualTo(first);
        assertThat(Files.readString(first)).isEqualTo("<p>page</p>");
        assertThat(files.count()).isEqualTo(1);
    }

    @Test
    void shouldRemoveOnlyFilesThatAreUnusedAndOld() throws Exception {
        Path used = files.write("used.html", new byte[] { 1 });
        Path unused = files.write("unused.html", new byte[] { 2 });
        Path recent = files.write("recent.html", new byte[] { 3 });
        FileTime longAgo = FileTime.from(Instant.now().minus(Duration.ofHours(1)));
        Files.setLastModifiedTime(used, longAgo);
        Files.setLastModifiedTime(unused, longAgo);

        files.forgetOld(Set.of(used)).get();

        assertThat(used).exists();
        assertThat(recent).exists();
        assertThat(unused).doesNotExist();
    }
}
