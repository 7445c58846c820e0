package org.broadsheet.article;

/**
 * The label printed above a headline, telling readers what kind of piece it is.
 */
public enum ArticleType {
    NEWS("News"), OPINION("Opinion"), ANALYSIS("Analysis"), EXPLAINER("Explainer"), LIVE("Live");

    private final String label;

    ArticleType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
