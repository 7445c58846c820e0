package org.broadsheet.shared;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Formats instants as the site prints them, in the site's time zone: "Thursday 06 May 2021 17:24 BST".
 */
@Component
public class Datelines {

    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("EEEE dd MMMM yyyy HH:mm zzz", Locale.UK);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final SiteProperties site;

    public Datelines(SiteProperties site) {
        this.site = site;
    }

    public Dateline of(Instant instant) {
        if (instant == null) {
            return null;
        }
        // Whole seconds: HTML's datetime attribute allows no more than milliseconds, and readers need none.
        ZonedDateTime local = instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).atZone(site.zone());
        return new Dateline(ISO.format(local), LONG.format(local), SHORT.format(local));
    }

    public ZonedDateTime local(Instant instant) {
        return instant.atZone(site.zone());
    }

    /**
     * A moment printed for readers: {@code iso} for the {@code datetime} attribute, {@code display} for the text.
     */
    public record Dateline(String iso, String display, String shortDisplay) {
    }
}
