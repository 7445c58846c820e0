package org.broadsheet.media;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One file of an upload, as served: its generated name, type and size (and pixel size for images). */
@Embeddable
record MediaFile(
        @Column(nullable = false) String name,
        @Column(name = "content_type", nullable = false) String contentType,
        @Column(name = "byte_size", nullable = false) long byteSize,
        Integer width,
        Integer height) {
}
