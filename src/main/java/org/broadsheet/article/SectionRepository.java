package org.broadsheet.article;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SectionRepository extends JpaRepository<Section, Long> {

    Optional<Section> findBySlug(String slug);
}
