package org.broadsheet.article;

/** How many articles refer to the author, section or tag with this id. */
record IdCount(Long id, Long count) {
}
