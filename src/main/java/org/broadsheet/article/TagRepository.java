package org.broadsheet.article;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface TagRepository extends JpaRepository<Tag, Long> {

    Optional<Tag> findBySlug(String slug);

    Optional<Tag> findFirstByNameIgnoreCase(String name);
}
