package org.broadsheet.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Random;

import jakarta.servlet.FilterChain;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

/**
 * The page cache is bounded by the bytes it holds, not by a number of pages: however many distinct pages are
 * asked for, and however large, it never holds more than its size, in memory or in its sendfile copies.
 */
class PageCacheBoundTests {

    private static final DataSize SIZE = DataSize.ofKilobytes(512);

    private final PageFiles files = new PageFiles(Duration.ZERO);
    private final PageCache cache = new PageCache(SIZE, Duration.ofMinutes(10), Clock.systemUTC(), files);
    private final PageCacheFilter filter = new PageCacheFilter(cache, files, Clock.systemUTC());

    @Test
    void shouldNeverHoldMoreBytesThanItsSize() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 400; i++) {
            // Pages of 8 to 200 KB that do not compress, so the gzip copy weighs as much as the page.
            byte[] body = new byte[8 * 1024 + random.nextInt(192 * 1024)];
            random.nextBytes(body);
            serve("/sections/news?page=" + (i + 2), body);
            assertThat(cache.weight()).as("bytes after %d pages", i + 1).isLessThanOrEqualTo(SIZE.toBytes());
        }
        assertThat(cache.size()).isPositive();
    }

    @Test
    void shouldServeAKeptPageFromMemory() throws Exception {
        byte[] body = "<p>kept</p>".getBytes();
        serve("/tags/harbour", body);
        MockHttpServletResponse again = serve("/tags/harbour", "changed".getBytes());
        assertThat(again.getContentAsByteArray()).isEqualTo(body);
    }

    private MockHttpServletResponse serve(String address, byte[] body) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", address.replaceAll("\\?.*", ""));
        if (address.contains("?")) {
            request.setQueryString(address.substring(address.indexOf('?') + 1));
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        FilterChain page = (req, res) -> {
            req.setAttribute(PageCacheFilter.CACHEABLE, Boolean.TRUE);
            res.setContentType("text/html;charset=UTF-8");
            res.getOutputStream().write(body);
        };
        filter.doFilter(request, response, page);
        return response;
    }
}
