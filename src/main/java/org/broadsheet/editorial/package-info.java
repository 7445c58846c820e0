/**
 * The editors' desk ({@code /admin/articles}): the list of every article, and (to come) the forms that write,
 * publish and correct them. It calls the articles module's public service only.
 */
package org.broadsheet.editorial;
