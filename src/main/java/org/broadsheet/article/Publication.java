package org.broadsheet.article;

/**
 * What the editor asks for when saving: keep the article as a draft (taking it off the site if it was on it),
 * publish it now (a published article keeps its time), or publish it at a given time (a future time
 * schedules it, a past one backdates it).
 */
public enum Publication {
    DRAFT, NOW, AT
}
