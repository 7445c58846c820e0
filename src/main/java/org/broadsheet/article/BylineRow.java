package org.broadsheet.article;

record BylineRow(Long articleId, Long authorId, String slug, String name, String roleTitle, Integer position, Long accountId) {
}
