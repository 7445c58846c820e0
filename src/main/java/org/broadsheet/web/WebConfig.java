package org.broadsheet.web;

import java.time.Duration;

import jakarta.servlet.DispatcherType;

import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.MimeMappings;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletListenerRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.VersionResourceResolver;

/**
 * The site's assets (content-hashed URLs, a year in browsers' caches), its error pages for requests Tomcat
 * refuses itself, the filters in front of everything (request ids, readiness) and the types Tomcat does not know.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    /** The folders under {@code classpath:/static} served as assets with content-hashed URLs. */
    private static final String[] ASSET_FOLDERS = { "css", "js", "images", "media" };

    /** The site's error page, not Tomcat's, for requests Tomcat refuses itself (see SiteErrorReportValve). */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> siteErrorPages(ObjectProvider<ErrorPageRenderer> pages) {
        return factory -> factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            host.setErrorReportValveClass(SiteErrorReportValve.class.getName());
            host.getPipeline().addValve(new SiteErrorReportValve(pages));
        });
    }

    /** The request's id (see RequestIds), first of all, so that every line logged for the request carries it. */
    @Bean
    FilterRegistrationBean<RequestIds> requestIds() {
        return RequestIds.registration();
    }

    /** Takes the request's id out of the logging context when the container is done with the request. */
    @Bean
    ServletListenerRegistrationBean<RequestIds> requestIdsCleared(FilterRegistrationBean<RequestIds> requestIds) {
        return new ServletListenerRegistrationBean<>(requestIds.getFilter());
    }

    /**
     * Before everything but the request's id and Boot's HTTP observation (so that its 503s are logged with an id
     * and counted), the page cache included: nothing is served or kept before the site is ready.
     */
    @Bean
    FilterRegistrationBean<StartingUp> startingUp(ObjectProvider<ApplicationAvailability> availability) {
        FilterRegistrationBean<StartingUp> registration = new FilterRegistrationBean<>(new StartingUp(availability));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
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

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        for (String folder : ASSET_FOLDERS) {
            assets(registry.addResourceHandler("/" + folder + "/**")
                    .addResourceLocations("classpath:/static/" + folder + "/"));
        }
        assets(registry.addResourceHandler("/favicon.svg").addResourceLocations("classpath:/static/"));
        // The service worker of browser notifications: at the site's root (its scope) and at one address, checked
        // for a new version on every visit rather than kept for a year.
        registry.addResourceHandler("/sw.js").addResourceLocations("classpath:/static/")
                .setCacheControl(CacheControl.noCache());
    }

    private static void assets(ResourceHandlerRegistration registration) {
        registration.setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic())
                .resourceChain(true)
                .addResolver(new VersionResourceResolver().addContentVersionStrategy("/**"));
    }
}
