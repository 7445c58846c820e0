package org.broadsheet.comment.web;

/**
 * A comment or reply as posted: its text, the comment it answers (if any) and the key of the form it came from.
 * The rules are checked by the service, which reports a refusal as a message next to the text.
 */
record CommentForm(String text, Long parentId, String key) {
}
