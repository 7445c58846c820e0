package org.broadsheet.article;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** One save of an article: who, when, and a snapshot of what the form wrote. Never changed once stored. */
@Entity
class ArticleRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long articleId;

    @Column(name = "revision_number")
    private int number;

    private Instant createdAt;

    private String createdBy;

    private String note;

    private String headline;

    private String snapshot;

    protected ArticleRevision() {
    }

    ArticleRevision(long articleId, int number, Instant createdAt, String createdBy, String note, String headline,
            String snapshot) {
        this.articleId = articleId;
        this.number = number;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
        this.note = note;
        this.headline = headline;
        this.snapshot = snapshot;
    }

    int getNumber() {
        return number;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    String getCreatedBy() {
        return createdBy;
    }

    String getNote() {
        return note;
    }

    String getHeadline() {
        return headline;
    }

    String getSnapshot() {
        return snapshot;
    }
}
