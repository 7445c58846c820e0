package org.broadsheet.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

/** Uploaded media pass by the anonymous page cache: large files are never copied into its memory. */
class PageCacheMediaTests {

    private final PageCacheFilter filter = new PageCacheFilter(
            new PageCache(DataSize.ofMegabytes(1), Duration.ofSeconds(60), Clock.systemUTC(), null), null,
            Clock.systemUTC());

    @Test
    void shouldLeaveMediaFilesAlone() {
        assertThat(filter.shouldNotFilter(new MockHttpServletRequest("GET", "/media/12/1600.jpg"))).isTrue();
        assertThat(filter.shouldNotFilter(new MockHttpServletRequest("GET", "/media/8/video.mp4"))).isTrue();
        assertThat(filter.shouldNotFilter(new MockHttpServletRequest("GET", "/media/demo/clip.mp4"))).isTrue();
    }

    @Test
    void shouldStillCachePages() {
        assertThat(filter.shouldNotFilter(new MockHttpServletRequest("GET", "/"))).isFalse();
        assertThat(filter.shouldNotFilter(new MockHttpServletRequest("GET", "/news/2026/11/27/media-story")))
                .isFalse();
        assertThat(filter.shouldNotFilter(new MockHttpServletRequest("GET", "/mediators"))).isFalse();
    }
}
