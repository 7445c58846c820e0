package org.broadsheet.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.broadsheet.shared.ContentChangedEvent;
import org.junit.jupiter.api.Test;

/**
 * What an editor's change of an article refreshes for readers: a draft that stays a draft, none of the lists; a
 * scheduled article, the lists whenever its listing changes, because the publishing job may publish it while the
 * editor's save is under way.
 */
class ArticleListingTests {

    private static final Instant NOW = Instant.parse("2026-12-08T09:00:00Z");

    @Test
    void shouldRefreshNoListWhenADraftStaysADraftWhateverChanged() {
        Article draft = new Article("a-draft", NOW);
        Article.Listing before = draft.listing();
        draft.publish(NOW.plusSeconds(3600), NOW);
        draft.unpublish(); // a draft again

        ContentChangedEvent change = before.changeTo(7, draft.listing());

        assertThat(change.tags()).containsExactlyInAnyOrder(ContentChangedEvent.article(7),
                ContentChangedEvent.conversation(7));
    }

    @Test
    void shouldRefreshTheListsWhenAScheduledArticleBecomesADraftOrMoves() {
        Article scheduled = new Article("scheduled", NOW);
        scheduled.publish(NOW.plusSeconds(3600), NOW);
        Article.Listing before = scheduled.listing();

        Article moved = new Article("scheduled", NOW);
        moved.publish(NOW.plusSeconds(7200), NOW);
        assertThat(before.changeTo(7, moved.listing()).tags()).contains(ContentChangedEvent.LISTS);

        scheduled.unpublish();
        assertThat(before.changeTo(7, scheduled.listing()).tags()).as("the job may have published it meanwhile")
                .contains(ContentChangedEvent.LISTS);
        assertThat(before.changeTo(7, before).tags()).doesNotContain(ContentChangedEvent.LISTS)
                .contains(ContentChangedEvent.EVERY_ARTICLE);
    }
}
