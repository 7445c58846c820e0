package org.broadsheet.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The {@code Cache-Control} of kept pages: browsers always ask again; a shared cache only when allowed. */
class PageCacheControlTests {

    @Test
    void shouldKeepSharedCachesOutWithoutASharedLifetime() {
        assertThat(PageCache.cacheControl(Duration.ZERO)).isEqualTo("no-cache");
        assertThat(PageCache.cacheControl(Duration.ofMillis(500))).isEqualTo("no-cache");
    }

    @Test
    void shouldLetASharedCacheKeepAPageForItsLifetimeWhileBrowsersAskAgain() {
        assertThat(PageCache.cacheControl(Duration.ofSeconds(10))).isEqualTo("public, max-age=0, s-maxage=10");
        assertThat(PageCache.cacheControl(Duration.ofMinutes(2))).isEqualTo("public, max-age=0, s-maxage=120");
    }
}
