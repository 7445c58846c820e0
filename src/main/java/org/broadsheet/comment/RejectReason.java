package org.broadsheet.comment;

import java.util.Locale;

/** Why a moderator rejected a comment, as its author is told. */
public enum RejectReason {
    SPAM, ABUSE, OFF_TOPIC, PERSONAL_INFORMATION, LEGAL, OTHER;

    /** The reason's name in message keys and forms: {@code off-topic}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
