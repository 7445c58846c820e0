package org.broadsheet.media;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/** One upload and the files made from it (an image's scaled versions, or the one video or captions file). */
@Entity
@Table(name = "media")
class Media {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** What its address is made of, in place of the id: 128 random bits, so no address can be guessed. */
    @Column(name = "public_key", nullable = false, updatable = false)
    private String publicKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MediaKind kind;

    /** What the uploader called it, for the editors' reference only: never a path or a URL. */
    @Column(name = "original_name")
    private String originalName;

    private Integer width;

    private Integer height;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "media_file", joinColumns = @JoinColumn(name = "media_id"))
    private List<MediaFile> files = new ArrayList<>();

    protected Media() {
    }

    Media(MediaKind kind, String originalName, Integer width, Integer height, Instant createdAt) {
        this.publicKey = MediaNames.newKey();
        this.kind = kind;
        this.originalName = originalName == null || originalName.length() <= 255 ? originalName
                : originalName.substring(0, 255);
        this.width = width;
        this.height = height;
        this.createdAt = createdAt;
    }

    long id() {
        return id;
    }

    String publicKey() {
        return publicKey;
    }

    MediaKind kind() {
        return kind;
    }

    Integer width() {
        return width;
    }

    Integer height() {
        return height;
    }

    void add(MediaFile file) {
        files.add(file);
    }

    /** The files, narrowest first. */
    List<MediaFile> files() {
        return files.stream().sorted(Comparator.comparing(MediaFile::width,
                Comparator.nullsFirst(Comparator.naturalOrder()))).toList();
    }
}
