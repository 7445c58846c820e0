package org.broadsheet.audit;

import java.time.Clock;

import org.broadsheet.shared.AuditEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes each {@link AuditEvent} to the log as it is published. A plain, synchronous listener on purpose: the
 * line is written in the publisher's transaction, so it is committed with the change it records and rolled back
 * with it, and a change is never stored without its line.
 */
@Component
class AuditRecorder {

    private final AuditEntryRepository entries;
    private final Clock clock;

    AuditRecorder(AuditEntryRepository entries, Clock clock) {
        this.entries = entries;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    void on(AuditEvent event) {
        // Cut rather than refused: a long headline must not make the change it belongs to fail.
        entries.save(new AuditEntry(clock.instant(), cut(event.actor(), AuditEntry.ACTOR_LENGTH),
                cut(event.action(), AuditEntry.ACTION_LENGTH), cut(event.target(), AuditEntry.TARGET_LENGTH),
                cut(event.detail(), AuditEntry.DETAIL_LENGTH)));
    }

    /** At most {@code max} characters, never splitting a character that takes two chars, with "…" when cut. */
    static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isLowSurrogate(text.charAt(end)) && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }
}
