package org.broadsheet.shared;

/**
 * Published after anything readers see has changed, so that cached pages are rendered again.
 */
public record ContentChangedEvent(String what) {
}
