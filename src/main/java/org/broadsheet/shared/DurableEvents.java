package org.broadsheet.shared;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Listeners marked {@code @ApplicationModuleListener} run after the commit, on their own thread and in their own
 * transaction, and the event publication registry keeps each event until its listener has run (see
 * {@link EventRetries}).
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
@EnableScheduling
class DurableEvents {
}
