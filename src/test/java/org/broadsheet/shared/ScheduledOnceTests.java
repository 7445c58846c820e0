package org.broadsheet.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Every job the site schedules runs once across instances (it takes a {@link ScheduledOnce} lock of its own
 * name), except those whose work is each instance's own. That a lock keeps a second instance from running a job
 * is shown with two processes by {@code TwoInstancesTests}.
 */
class ScheduledOnceTests {

    /** Jobs that every instance runs for itself, and why. */
    private static final Map<String, String> EACH_INSTANCE = Map.of(
            "NotificationStreams.heartbeat", "keeps open the live streams of the readers connected to this instance");

    @Test
    void shouldLockEveryScheduledJobButThoseOfEachInstance() throws Exception {
        Map<String, String> locks = new LinkedHashMap<>();
        List<String> unlocked = new ArrayList<>();
        for (Method job : scheduledJobs()) {
            String name = job.getDeclaringClass().getSimpleName() + "." + job.getName();
            SchedulerLock lock = job.getAnnotation(SchedulerLock.class);
            if (lock == null) {
                unlocked.add(name);
            } else {
                assertThat(locks.put(lock.name(), name)).as("lock %s is taken by one job only", lock.name()).isNull();
            }
        }

        assertThat(unlocked).as("scheduled jobs without a lock").containsExactlyInAnyOrderElementsOf(
                EACH_INSTANCE.keySet());
        assertThat(locks).containsKeys("publish-due", "notification-digests", "event-retries");
    }

    private static List<Method> scheduledJobs() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        List<Method> jobs = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.broadsheet")) {
            Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), ScheduledOnceTests.class.getClassLoader());
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Scheduled.class)) {
                    jobs.add(method);
                }
            }
        }
        assertThat(jobs).as("scheduled jobs found").hasSizeGreaterThanOrEqualTo(4);
        return jobs;
    }
}
