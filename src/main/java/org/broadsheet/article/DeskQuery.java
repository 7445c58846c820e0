package org.broadsheet.article;

/**
 * What the editors' article list asks for: a status ({@code draft}, {@code scheduled}, {@code published} or
 * null for all), a section and an author by slug, words of the headline, the order ({@code updated} or
 * {@code published}) and the page. Blank values mean "any".
 */
public record DeskQuery(String status, String section, String author, String text, String sort, int page) {

    public static final int PAGE_SIZE = 25;

    public boolean byPublished() {
        return "published".equals(sort);
    }
}
