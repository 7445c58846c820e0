package org.broadsheet.web;

import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletListenerRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The request's id ({@link RequestIds}) on the management port too: Actuator answers there from a context of its
 * own, which the site's filters do not reach, so a probe or a scrape that fails is logged with an id like any
 * other request. Listed in {@code META-INF/spring/...ManagementContextConfiguration.imports}, which imports it
 * into Actuator's context; on the same port (the default outside {@code prod}) the site's own filter already
 * covers Actuator. Not annotated {@code @ManagementContextConfiguration}: that is a {@code @Configuration}, which
 * the site's component scan would register in the site's own context as well.
 */
@ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
class ManagementRequestIds {

    @Bean
    FilterRegistrationBean<RequestIds> managementRequestIds() {
        return RequestIds.registration();
    }

    @Bean
    ServletListenerRegistrationBean<RequestIds> managementRequestIdsCleared(
            FilterRegistrationBean<RequestIds> managementRequestIds) {
        return new ServletListenerRegistrationBean<>(managementRequestIds.getFilter());
    }
}
