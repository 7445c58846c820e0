package org.broadsheet.comment;

/** Why a reader reports a comment; {@link #OTHER} needs a note. */
public enum ReportReason {
    SPAM, ABUSE, OFF_TOPIC, MISINFORMATION, OTHER
}
