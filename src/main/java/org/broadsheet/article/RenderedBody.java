package org.broadsheet.article;

/**
 * An article body as the editor wrote it (Markdown), as readers see it (sanitized HTML) and as search reads it.
 */
public record RenderedBody(String markdown, String html, String text) {
}
