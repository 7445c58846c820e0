package org.broadsheet.article;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

@Entity
class Section {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String slug;

    private String name;

    private String description;

    @Column(name = "parent_id")
    private Long parentId;

    private int sortOrder;

    @Version
    private long version;

    protected Section() {
    }

    Section(String slug, String name, String description, Long parentId, int sortOrder) {
        this.slug = slug;
        this.name = name;
        this.description = description;
        this.parentId = parentId;
        this.sortOrder = sortOrder;
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

    String getDescription() {
        return description;
    }

    Long getParentId() {
        return parentId;
    }

    int getSortOrder() {
        return sortOrder;
    }

    /** The editors' section form; the caller has checked that the parent is not the section or below it. */
    void edit(String slug, String name, String description, Long parentId, int sortOrder) {
        this.slug = slug;
        this.name = name;
        this.description = description;
        this.parentId = parentId;
        this.sortOrder = sortOrder;
    }

    long getVersion() {
        return version;
    }
}
