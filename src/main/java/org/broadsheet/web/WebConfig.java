package org.broadsheet.web;

import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.shared.ContentChangedEvent;
import org.broadsheet.shared.SiteProperties;
import org.broadsheet.shared.web.CacheablePage;
import org.broadsheet.shared.web.FragmentRenderer;
import org.broadsheet.shared.web.PersonalRegion;
import org.springframework.beans.factory.ObjectProvider;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.MimeMappings;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.resource.VersionResourceResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Wires the anonymous page cache: the filter in front of everything, and the interceptor that tells it which
 * handlers render pages that are the same for every anonymous reader.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    /** The folders under {@code classpath:/static} served as assets with content-hashed URLs. */
    private static final String[] ASSET_FOLDERS = { "css", "js", "images", "media" };

    private final PageCacheFilter pageCache;

    private final ObjectProvider<PersonalRegion> regions;

    private final ObjectProvider<FragmentRenderer> fragments;

    WebConfig(SiteProperties site, Clock clock, ObjectProvider<PersonalRegion> regions,
            ObjectProvider<FragmentRenderer> fragments) {
        this.pageCache = new PageCacheFilter(site.pageCacheTtl(), site.pageCacheSize(), clock);
        this.regions = regions;
        this.fragments = fragments;
    }

    @Bean
    PageCacheFilter pageCacheFilter() {
        return pageCache;
    }

    @Bean
    FilterRegistrationBean<PageCacheFilter> pageCacheFilterRegistration(PageCacheFilter filter) {
        FilterRegistrationBean<PageCacheFilter> registration = new FilterRegistrationBean<>(filter);
        // Ahead of Spring Security (-100): a cached page already carries the security headers it was sent with.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** The site's error page, not Tomcat's, for requests Tomcat refuses itself (see SiteErrorReportValve). */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> siteErrorPages(ObjectProvider<ErrorPageRenderer> pages) {
        return factory -> factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            host.setErrorReportValveClass(SiteErrorReportValve.class.getName());
            host.getPipeline().addValve(new SiteErrorReportValve(pages));
        });
    }

    /** Captions files are WebVTT, which Tomcat's list of types does not name: browsers check the type. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> captionsType() {
        return factory -> {
            MimeMappings types = new MimeMappings();
            types.add("vtt", "text/vtt;charset=utf-8");
            factory.addMimeMappings(types);
        };
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onContentChanged(ContentChangedEvent event) {
        pageCache.clear();
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String folder : ASSET_FOLDERS) {
            assets(registry.addResourceHandler("/" + folder + "/**")
                    .addResourceLocations("classpath:/static/" + folder + "/"));
        }
        assets(registry.addResourceHandler("/favicon.svg").addResourceLocations("classpath:/static/"));
    }

    private static void assets(ResourceHandlerRegistration registration) {
        registration.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic())
                .resourceChain(true)
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new CanonicalAddresses());
        registry.addInterceptor(new PersonalizedPages(pageCache, fragments, regions.orderedStream().toList()));
    }
}
