package org.broadsheet.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class SiteAddressTests {

    private final MockEnvironment environment = new MockEnvironment().withProperty("local.server.port", "18080");

    @AfterEach
    void leaveTheRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    private SiteAddress address(String baseUrl) {
        return new SiteAddress(new SiteProperties("B", "d", baseUrl, ZoneId.of("UTC"), Duration.ZERO), environment);
    }

    private static void during(String scheme, String host, int port) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/news");
        request.setScheme(scheme);
        request.setServerName(host);
        request.setServerPort(port);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }

    @Test
    void shouldUseTheConfiguredBaseUrlWithoutItsTrailingSlashWhateverTheRequest() {
        during("http", "127.0.0.1", 18080);
        SiteAddress address = address("https://news.example/");
        assertThat(address.absolute("/a")).isEqualTo("https://news.example/a");
        assertThat(address.baseUrlOutsideRequests()).isEqualTo("https://news.example");
        assertThat(address.absolute("https://elsewhere.example/b")).isEqualTo("https://elsewhere.example/b");
    }

    @Test
    void shouldUseTheRequestsOwnSchemeHostAndPortWhenNoneIsConfigured() {
        SiteAddress address = address("");
        during("http", "127.0.0.1", 18080);
        assertThat(address.absolute("/rss")).isEqualTo("http://127.0.0.1:18080/rss");
        during("https", "news.example", 443);
        assertThat(address.absolute("/rss")).isEqualTo("https://news.example/rss");
    }

    @Test
    void shouldUseThePortListenedOnOutsideARequest() {
        assertThat(address("").absolute("/account/verify?token=t")).isEqualTo("http://localhost:18080/account/verify?token=t");
        assertThat(address(" ").baseUrl()).isEqualTo("http://localhost:18080");
    }
}
