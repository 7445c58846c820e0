package org.broadsheet.article;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Publishes scheduled articles when their time comes, checking every {@code broadsheet.scheduler.interval}
 * (30 seconds by default), on one instance at a time ({@code @SchedulerLock}); each article is published once
 * whatever runs it (see {@link ArticlePublishing#publishDue()}).
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
    @SchedulerLock(name = "publish-due")
    void publishDue() {
        publishing.publishDue();
    }
}
