package org.broadsheet.pages;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Gives each page its one address ({@link CanonicalAddresses}) and, where the page cache runs ({@link
 * PageCacheConfig}), serves signed-in readers their view of a kept page ({@link SharedPages}). A {@code WebMvcConfigurer},
 * so that web slice tests get the canonical addresses too, without the cache.
 */
@Configuration(proxyBeanMethods = false)
class PagesConfig implements WebMvcConfigurer {

    private final ObjectProvider<SharedPages> shared;

    PagesConfig(ObjectProvider<SharedPages> shared) {
        this.shared = shared;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new CanonicalAddresses());
        shared.ifAvailable(registry::addInterceptor);
    }
}
