package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

import org.broadsheet.shared.ContentChangedEvent;
import org.broadsheet.shared.SiteProperties;
import org.junit.jupiter.api.Test;

/**
 * The signed-in rendering of a page of threads is kept only together with the very threads it was made from.
 */
class ThreadPageCacheTests {

    private final ThreadPageCache cache = new ThreadPageCache(
            new SiteProperties("B", "d", "http://x", ZoneId.of("UTC"), Duration.ofSeconds(60)), Clock.systemUTC());

    @Test
    void shouldKeepTheRenderingOfTheThreadsItWasMadeFrom() {
        ThreadPageCache.Shared threads = cache.get(1L, CommentSort.NEWEST, 1, () -> new ThreadPageCache.Shared(0, List.of()));

        assertThat(cache.signedIn(1L, CommentSort.NEWEST, 1, threads.threads(), () -> "first")).isEqualTo("first");
        assertThat(cache.signedIn(1L, CommentSort.NEWEST, 1, threads.threads(), () -> "second")).isEqualTo("first");
    }

    @Test
    void shouldNotKeepARenderingOfThreadsReadBeforeAChange() {
        ThreadPageCache.Shared before = cache.get(2L, CommentSort.NEWEST, 1,
                () -> new ThreadPageCache.Shared(1, List.of()));
        cache.onContentChanged(ContentChangedEvent.ofEverything());

        assertThat(cache.signedIn(2L, CommentSort.NEWEST, 1, before.threads(), () -> "stale")).isEqualTo("stale");
        ThreadPageCache.Shared after = cache.get(2L, CommentSort.NEWEST, 1,
                () -> new ThreadPageCache.Shared(2, new java.util.ArrayList<>()));
        assertThat(after.total()).isEqualTo(2);
        assertThat(cache.signedIn(2L, CommentSort.NEWEST, 1, after.threads(), () -> "fresh")).isEqualTo("fresh");
    }

    @Test
    void shouldForgetOnlyTheArticleWhoseRecommendationsChanged() {
        cache.get(3L, CommentSort.NEWEST, 1, () -> new ThreadPageCache.Shared(3, List.of()));
        cache.get(4L, CommentSort.NEWEST, 1, () -> new ThreadPageCache.Shared(4, List.of()));

        cache.onRecommendationChanged(new CommentEvents.RecommendationChanged(30L, 3L));

        assertThat(cache.get(3L, CommentSort.NEWEST, 1, () -> new ThreadPageCache.Shared(33, List.of())).total())
                .isEqualTo(33);
        assertThat(cache.get(4L, CommentSort.NEWEST, 1, () -> new ThreadPageCache.Shared(44, List.of())).total())
                .isEqualTo(4);
    }
}
