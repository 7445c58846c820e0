package org.broadsheet.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;

import org.junit.jupiter.api.Test;

/** The key of the unsubscribe links: a short one stops the start; links signed with one key fail with another. */
class UnsubscribeLinksTests {

    private static final String KEY = "a-long-random-key-for-the-unsubscribe-links-0123456789";

    private static UnsubscribeLinks.Result check(UnsubscribeLinks links, String path) {
        var query = org.springframework.web.util.UriComponentsBuilder.fromUriString(path).build().getQueryParams();
        return links.check(query.getFirst("account"), query.getFirst("kind"), query.getFirst("expires"),
                query.getFirst("signature"));
    }

    @Test
    void shouldRefuseAKeyShorterThanThirtyTwoCharacters() {
        assertThatThrownBy(() -> new UnsubscribeLinks("too-short", Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least 32 characters");
    }

    @Test
    void shouldTakeOnlyLinksSignedWithItsOwnKey() {
        UnsubscribeLinks links = new UnsubscribeLinks(KEY, Clock.systemUTC());
        UnsubscribeLinks other = new UnsubscribeLinks(KEY.replace('a', 'b'), Clock.systemUTC());
        String path = links.pathFor(7, NotificationKind.REPLY);

        assertThat(check(links, path).unsubscribe()).contains(new UnsubscribeLinks.Unsubscribe(7, NotificationKind.REPLY));
        assertThat(check(new UnsubscribeLinks(KEY, Clock.systemUTC()), path).unsubscribe()).as("after a restart")
                .isPresent();
        assertThat(check(other, path).refusal()).isEqualTo(UnsubscribeLinks.Refusal.INVALID);
        assertThat(check(new UnsubscribeLinks("", Clock.systemUTC()), path).refusal()).as("a key made at start")
                .isEqualTo(UnsubscribeLinks.Refusal.INVALID);
    }
}
