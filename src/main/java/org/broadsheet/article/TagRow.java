package org.broadsheet.article;

record TagRow(String slug, String name) {
}
