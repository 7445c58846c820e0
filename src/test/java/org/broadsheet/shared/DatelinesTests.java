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

    @Test
    void shouldTrimTrailingSlashFromBaseUrl() {
        assertThat(new SiteProperties("B", "d", "https://news.example/", ZoneId.of("UTC"), Duration.ZERO)
                .absolute("/a")).isEqualTo("https://news.example/a");
    }
}
