package org.broadsheet.article;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

/** A story an editor chose for a place on the front page; the article is referred to by id. */
@Entity
class FrontPagePin {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    private PinSlot slot;

    @Column(name = "sort_order")
    private int position;

    private long articleId;

    protected FrontPagePin() {
    }

    FrontPagePin(PinSlot slot, int position, long articleId) {
        this.slot = slot;
        this.position = position;
        this.articleId = articleId;
    }

    PinSlot getSlot() {
        return slot;
    }

    int getPosition() {
        return position;
    }

    long getArticleId() {
        return articleId;
    }
}
