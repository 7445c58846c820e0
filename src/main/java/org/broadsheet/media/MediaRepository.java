package org.broadsheet.media;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MediaRepository extends JpaRepository<Media, Long> {

    @Query("SELECT f FROM Media m JOIN m.files f WHERE m.id = :id AND f.name = :name")
    Optional<MediaFile> findFile(long id, String name);
}
