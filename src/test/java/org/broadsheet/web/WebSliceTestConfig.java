package org.broadsheet.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.broadsheet.shared.Datelines;
import org.broadsheet.shared.SiteAddress;
import org.broadsheet.shared.SiteProperties;
import org.broadsheet.pages.PageSliceSupport;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What every {@code @WebMvcTest} slice needs besides its controller: the site's security rules and headers,
 * its settings, a fixed clock, and the parts of pages (rendered in place for the slice's reader: slices have no
 * page cache). Slices still mock the services their controller and the layout call.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(SiteProperties.class)
@Import({ SecuritySliceSupport.class, Datelines.class, SiteAddress.class, PageSliceSupport.class, LayoutParts.class })
public class WebSliceTestConfig {

    public static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    @Bean
    Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
