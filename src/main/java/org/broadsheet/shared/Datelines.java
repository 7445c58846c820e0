package org.broadsheet.shared;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.springframework.stereotype.Component;

/**
 * Formats instants as the site prints them, in the site's time zone: "Thursday 06 May 2021 17:24 BST".
 */
@Component
public class Datelines {

    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("EEEE dd MMMM yyyy HH:mm zzz", Locale.UK);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.UK);
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
        ZonedDateTime local = instant.truncatedTo(ChronoUnit.SECONDS).atZone(site.zone());
        return new Dateline(ISO.format(local), LONG.format(local), SHORT.format(local));
    }

    public ZonedDateTime local(Instant instant) {
        return instant.atZone(site.zone());
    }

    /** What a story's card prints of when it was published: the time today ("17:24"), else the date. */
    public String onCard(Instant published, Instant now) {
        if (published == null) {
            return null;
        }
        ZonedDateTime local = published.atZone(site.zone());
        return local.toLocalDate().equals(now.atZone(site.zone()).toLocalDate()) ? TIME.format(local)
                : SHORT.format(local);
    }

    /**
     * How long before {@code now} something happened, as readers count: under a minute "now"; then minutes; then
     * hours, while it was today or less than {@value #HOURS_ACROSS_MIDNIGHT} hours ago (at 01:30, 23:30 is "2 hours
     * ago"); after that calendar days in the site's time zone, so that everything from Monday says the same on
     * Wednesday ("2 days ago"), whatever its time; from 30 days a date.
     */
    public Ago ago(Instant then, Instant now) {
        long seconds = Math.max(0, Duration.between(then, now).getSeconds());
        if (seconds < 60) {
            return new Ago("now", 0);
        }
        if (seconds < 3_600) {
            return new Ago("minutes", seconds / 60);
        }
        LocalDate day = then.atZone(site.zone()).toLocalDate();
        long days = Math.max(0, ChronoUnit.DAYS.between(day, now.atZone(site.zone()).toLocalDate()));
        if (days == 0 || seconds < HOURS_ACROSS_MIDNIGHT * 3_600L) {
            return new Ago("hours", seconds / 3_600);
        }
        if (days < 30) {
            return new Ago("days", days);
        }
        return new Ago("long", 0);
    }

    private static final int HOURS_ACROSS_MIDNIGHT = 6;

    /** How long ago, in the largest whole unit: now, minutes, hours, days, or long (print the date instead). */
    public record Ago(String unit, long amount) {
    }

    /**
     * A moment printed for readers: {@code iso} for the {@code datetime} attribute, {@code display} for the text.
     */
    public record Dateline(String iso, String display, String shortDisplay) {
    }
}
