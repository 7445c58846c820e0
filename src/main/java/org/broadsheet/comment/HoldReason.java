package org.broadsheet.comment;

/** Which rule held a comment for a moderator before anyone could read it. */
public enum HoldReason {
    /** Every comment under the article waits for a moderator. */
    PREMODERATED,
    /** One of the first comments of a new account. */
    NEW_ACCOUNT,
    /** It holds a link. */
    LINKS,
    /** Its author has not verified their email address yet; released when they do. */
    UNVERIFIED
}
