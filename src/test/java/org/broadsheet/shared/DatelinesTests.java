package org.broadsheet.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class DatelinesTests {

    private final Datelines london = new Datelines(
            new SiteProperties("Broadsheet", "d", "http://localhost:8080/", ZoneId.of("Europe/London"), Duration.ZERO));

    @Test
    void shouldCountDaysAgoInCalendarDaysOfTheSiteZone() {
        // Wednesday 6 May 2026, 09:00 BST.
        Instant wednesday = Instant.parse("2026-05-06T08:00:00Z");
        // Everything from Monday is two days ago on Wednesday, morning or night; everything from Tuesday yesterday.
        assertThat(london.ago(Instant.parse("2026-05-04T09:54:00Z"), wednesday)).isEqualTo(new Datelines.Ago("days", 2));
        assertThat(london.ago(Instant.parse("2026-05-04T22:30:00Z"), wednesday)).isEqualTo(new Datelines.Ago("days", 2));
        assertThat(london.ago(Instant.parse("2026-05-03T23:30:00Z"), wednesday))
                .as("00:30 BST on Monday is Monday in London though Sunday in UTC").isEqualTo(new Datelines.Ago("days", 2));
        assertThat(london.ago(Instant.parse("2026-05-05T00:10:00Z"), wednesday)).isEqualTo(new Datelines.Ago("days", 1));
        assertThat(london.ago(Instant.parse("2026-05-05T09:00:00Z"), wednesday)).isEqualTo(new Datelines.Ago("days", 1));
        // Today, in hours and minutes; a few hours back across midnight, in hours too.
        assertThat(london.ago(Instant.parse("2026-05-05T23:30:00Z"), wednesday)).isEqualTo(new Datelines.Ago("hours", 8));
        assertThat(london.ago(Instant.parse("2026-05-06T07:15:00Z"), wednesday)).isEqualTo(new Datelines.Ago("minutes", 45));
        assertThat(london.ago(wednesday.minusSeconds(20), wednesday)).isEqualTo(new Datelines.Ago("now", 0));
        Instant justAfterMidnight = Instant.parse("2026-05-06T00:30:00Z");
        assertThat(london.ago(Instant.parse("2026-05-05T21:30:00Z"), justAfterMidnight))
                .isEqualTo(new Datelines.Ago("hours", 3));
        assertThat(london.ago(Instant.parse("2026-05-05T16:00:00Z"), justAfterMidnight))
                .isEqualTo(new Datelines.Ago("days", 1));
        assertThat(london.ago(Instant.parse("2026-04-01T12:00:00Z"), wednesday)).isEqualTo(new Datelines.Ago("long", 0));
    }

    @Test
    void shouldDateACardByItsTimeTodayAndByItsDateBefore() {
        Instant now = Instant.parse("2026-05-06T22:30:00Z"); // 23:30 BST on Wednesday 6 May
        assertThat(london.onCard(Instant.parse("2026-05-06T16:24:00Z"), now)).isEqualTo("17:24");
        assertThat(london.onCard(Instant.parse("2026-05-05T23:10:00Z"), now)).as("00:10 BST, today in London")
                .isEqualTo("00:10");
        assertThat(london.onCard(Instant.parse("2026-05-05T22:50:00Z"), now)).isEqualTo("5 May 2026");
        assertThat(london.onCard(null, now)).isNull();
    }

    @Test
    void shouldPrintBritishSummerTimeInSummer() {
        Datelines.Dateline dateline = london.of(Instant.parse("2021-05-06T16:24:00Z"));
        assertThat(dateline.display()).isEqualTo("Thursday 06 May 2021 17:24 BST");
        assertThat(dateline.iso()).isEqualTo("2021-05-06T17:24:00+01:00");
    }

    @Test
    void shouldPrintGreenwichMeanTimeInWinter() {
        Datelines.Dateline dateline = london.of(Instant.parse("2022-01-13T09:05:00Z"));
        assertThat(dateline.display()).isEqualTo("Thursday 13 January 2022 09:05 GMT");
        assertThat(dateline.iso()).isEqualTo("2022-01-13T09:05:00Z");
        assertThat(dateline.shortDisplay()).isEqualTo("13 Jan 2022");
    }

    @Test
    void shouldFollowTheConfiguredZone() {
        Datelines paris = new Datelines(
                new SiteProperties("B", "d", "http://x", ZoneId.of("Europe/Paris"), Duration.ZERO));
        assertThat(paris.of(Instant.parse("2021-05-06T16:24:00Z")).display()).isEqualTo("Thursday 06 May 2021 18:24 CEST");
    }
}
