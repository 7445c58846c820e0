package org.broadsheet.pages;

import java.time.Clock;

import org.broadsheet.shared.CaffeineCaches;
import org.broadsheet.shared.ContentChangedEvent;
import org.broadsheet.shared.OtherInstances;
import org.broadsheet.shared.SiteProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.cache.autoconfigure.CacheManagerCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.ViewResolver;

/**
 * Wires the page cache: the {@code pages} cache (Caffeine, bounded by {@code broadsheet.site.page-cache-size}
 * in bytes, registered with Spring's cache manager), the filter in front of everything for anonymous readers,
 * and the interceptor that serves signed-in readers their view of a kept page.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class PageCacheConfig {

    @Bean
    PageFiles pageFiles() {
        return new PageFiles(PageFiles.GRACE);
    }

    @Bean
    PageCache pageCache(SiteProperties site, Clock clock, PageFiles files, OtherInstances others) {
        PageCache cache = new PageCache(site.pageCacheSize(), site.pageCacheTtl(), site.sharedCacheTtl(), clock,
                files);
        // A change on another instance drops the same pages here; messages missed, every page.
        others.listen(ContentChangedEvent.TOPIC, OtherInstances.Listener.of(
                message -> cache.drop(ContentChangedEvent.fromMessage(message).tags()), cache::clear));
        return cache;
    }

    @Bean
    CacheManagerCustomizer<CaffeineCacheManager> pagesCache(PageCache cache) {
        return CaffeineCaches.register(PageCache.CACHE, cache.nativeCache());
    }

    @Bean
    PageCacheFilter pageCacheFilter(PageCache cache, PageFiles files, Clock clock) {
        return new PageCacheFilter(cache, files, clock);
    }

    @Bean
    FilterRegistrationBean<PageCacheFilter> pageCacheFilterRegistration(PageCacheFilter filter) {
        FilterRegistrationBean<PageCacheFilter> registration = new FilterRegistrationBean<>(filter);
        // Ahead of Spring Security (-100): a kept page carries the security headers of every page.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    SharedPages sharedPages(PageCache cache, PageFiles files, PartRendering rendering,
            @Qualifier("thymeleafViewResolver") ObjectProvider<ViewResolver> views, Clock clock) {
        return new SharedPages(cache, files, rendering, views, clock);
    }
}
