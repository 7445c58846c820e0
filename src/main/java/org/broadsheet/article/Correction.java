package org.broadsheet.article;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A dated note an editor added to a published article. Notes are never edited: a mistake in one is put right
 * by another, as a newspaper would.
 */
@Entity
@Table(name = "article_correction")
class Correction {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Long articleId;

    @Enumerated(EnumType.STRING)
    private CorrectionKind kind;

    private String note;

    private Instant createdAt;

    private String createdBy;

    protected Correction() {
    }

    Correction(long articleId, CorrectionKind kind, String note, Instant createdAt, String createdBy) {
        this.articleId = articleId;
        this.kind = kind;
        this.note = note;
        this.createdAt = createdAt;
        this.createdBy = createdBy;
    }

    Long getId() {
        return id;
    }

    Long getArticleId() {
        return articleId;
    }

    CorrectionKind getKind() {
        return kind;
    }

    String getNote() {
        return note;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    String getCreatedBy() {
        return createdBy;
    }
}
