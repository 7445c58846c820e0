package org.broadsheet.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Subquery;

import org.springframework.data.jpa.domain.Specification;

/** The editors' filters on the article list, as one JPA specification. */
final class DeskSpecifications {

    private DeskSpecifications() {
    }

    static Specification<Article> matching(DeskQuery query, Set<Long> sectionIds, Long authorId, Instant now) {
        return (root, criteria, builder) -> {
            List<Predicate> where = new ArrayList<>();
            if ("draft".equals(query.status())) {
                where.add(builder.equal(root.get("status"), ArticleStatus.DRAFT));
            } else if ("scheduled".equals(query.status())) {
                where.add(builder.or(builder.equal(root.get("status"), ArticleStatus.SCHEDULED),
                        builder.and(builder.equal(root.get("status"), ArticleStatus.PUBLISHED),
                                builder.greaterThan(root.<Instant>get("publishedAt"), now))));
            } else if ("published".equals(query.status())) {
                where.add(builder.equal(root.get("status"), ArticleStatus.PUBLISHED));
                where.add(builder.lessThanOrEqualTo(root.<Instant>get("publishedAt"), now));
            }
            if (sectionIds != null) {
                where.add(root.get("primarySectionId").in(sectionIds));
            }
            if (authorId != null) {
                Subquery<Long> bylined = criteria.subquery(Long.class);
                var article = bylined.from(Article.class);
                Join<Article, Author> author = article.join("authors");
                bylined.select(article.get("id")).where(builder.equal(author.get("id"), authorId));
                where.add(root.get("id").in(bylined));
            }
            if (query.text() != null && !query.text().isBlank()) {
                String like = "%" + query.text().strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\")
                        .replace("%", "\\%").replace("_", "\\_") + "%";
                where.add(builder.like(builder.lower(root.get("headline")), like, '\\'));
            }
            if (!query.byPublished() && !Long.class.equals(criteria.getResultType())) {
                Expression<Instant> lastChange = builder.coalesce(
                        builder.coalesce(root.<Instant>get("savedAt"), root.<Instant>get("updatedAt")),
                        root.<Instant>get("createdAt"));
                criteria.orderBy(builder.desc(lastChange), builder.desc(root.get("id")));
            }
            return builder.and(where.toArray(Predicate[]::new));
        };
    }
}
