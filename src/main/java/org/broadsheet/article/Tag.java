package org.broadsheet.article;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

@Entity
class Tag {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String slug;

    private String name;

    protected Tag() {
    }

    Tag(String slug, String name) {
        this.slug = slug;
        this.name = name;
    }

    Long getId() {
        return id;
    }

    String getSlug() {
        return slug;
    }

    String getName() {
        return name;
    }

    void rename(String slug, String name) {
        this.slug = slug;
        this.name = name;
    }
}
