package org.broadsheet.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tries again the events whose listener failed (a mail server down, a push service answering 500), with a
 * backoff that doubles from {@link #FIRST_WAIT} to {@link #LONGEST_WAIT} and gives up after {@link #ATTEMPTS}
 * attempts, leaving the publication in the registry as failed for someone to look at. Events whose listener had
 * not finished when the site stopped are delivered again at the next start
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart}); this job waits a minute after the
 * start, so that it never tries one of those at the same time.
 */
@Component
@ConditionalOnProperty(name = "broadsheet.events.retry.enabled", havingValue = "true", matchIfMissing = true)
public class EventRetries {

    static final Duration FIRST_WAIT = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofHours(1);
    static final int ATTEMPTS = 10;

    private static final Logger log = LoggerFactory.getLogger(EventRetries.class);

    private final FailedEventPublications failed;
    private final Clock clock;

    EventRetries(FailedEventPublications failed, Clock clock) {
        this.failed = failed;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${broadsheet.events.retry.interval:30s}",
            initialDelayString = "${broadsheet.events.retry.initial-delay:60s}")
    @SchedulerLock(name = "event-retries")
    public void retryFailed() {
        Instant now = clock.instant();
        failed.resubmit(ResubmissionOptions.defaults().withFilter(publication -> due(publication, now)));
    }

    /** Whether the publication's next attempt is due: its wait doubles with every attempt it failed. */
    static boolean due(EventPublication publication, Instant now) {
        int attempts = Math.max(1, publication.getCompletionAttempts());
        if (attempts >= ATTEMPTS) {
            log.warn("Giving up on {} after {} attempts", publication.getEvent(), attempts);
            return false;
        }
        Duration wait = FIRST_WAIT.multipliedBy(1L << Math.min(attempts - 1, 20));
        if (wait.compareTo(LONGEST_WAIT) > 0) {
            wait = LONGEST_WAIT;
        }
        Instant last = publication.getLastResubmissionDate() != null ? publication.getLastResubmissionDate()
                : publication.getPublicationDate();
        return !now.isBefore(last.plus(wait));
    }
}
