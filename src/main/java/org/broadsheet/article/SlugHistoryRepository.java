package org.broadsheet.article;

import org.springframework.data.jpa.repository.JpaRepository;

interface SlugHistoryRepository extends JpaRepository<SlugHistory, String> {
}
