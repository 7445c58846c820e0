package org.broadsheet.article;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Publishes scheduled articles when their time comes, checking every {@code broadsheet.scheduler.interval}
 * (30 seconds by default). Safe to run on every instance: see {@link ArticlePublishing#publishDue()}.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "broadsheet.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class ScheduledPublishing {

    private final ArticlePublishing publishing;

    ScheduledPublishing(ArticlePublishing publishing) {
        this.publishing = publishing;
    }

    @Scheduled(fixedDelayString = "${broadsheet.scheduler.interval:30s}", initialDelayString = "${broadsheet.scheduler.interval:30s}")
    void publishDue() {
        publishing.publishDue();
    }
}
