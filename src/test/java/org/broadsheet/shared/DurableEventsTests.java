package org.broadsheet.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.broadsheet.BroadsheetApplication;
import org.broadsheet.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Events that listeners must hear durably go through Spring Modulith's event publication registry: a listener
 * that fails is tried again, and an event whose listener had not finished when the site stopped is delivered
 * after the next start, once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
@Import({ MutableClock.Config.class, DurableEventsTests.Probe.class })
class DurableEventsTests {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EventRetries retries;

    @Autowired
    MutableClock clock;

    @Test
    void shouldTryAFailedListenerAgainUntilItSucceedsOnce() {
        long id = System.nanoTime();
        Probe.failuresLeft.put(id, 1);
        publish(events, transactions, new ProbeEvent(id));
        await().atMost(Duration.ofSeconds(10)).until(() -> status(jdbc, id), "FAILED"::equals);
        assertThat(Probe.delivered(id)).isZero();

        retries.retryFailed();
        assertThat(Probe.delivered(id)).as("not yet: it waits before trying again").isZero();
        clock.advance(EventRetries.FIRST_WAIT.plusSeconds(1));
        retries.retryFailed();

        await().atMost(Duration.ofSeconds(10)).until(() -> Probe.delivered(id) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> status(jdbc, id) == null);
        clock.advance(Duration.ofHours(2));
        retries.retryFailed();
        assertThat(Probe.delivered(id)).as("delivered once").isEqualTo(1);
    }

    @Test
    void shouldDeliverAfterARestartAnEventWhoseListenerHadNotFinished(@TempDir Path data) {
        long id = System.nanoTime();
        Probe.blocked.put(id, new CountDownLatch(1));
        try (ConfigurableApplicationContext first = start(data)) {
            publish(first, first.getBean(PlatformTransactionManager.class),
                    new ProbeEvent(id));
            await().atMost(Duration.ofSeconds(10)).until(() -> Probe.started(id) == 1);
            // The site stops while the listener is still at work.
        }
        Probe.blocked.remove(id).countDown();
        assertThat(Probe.delivered(id)).isZero();

        try (ConfigurableApplicationContext second = start(data)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> Probe.delivered(id) == 1);
            JdbcTemplate db = second.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> status(db, id) == null);
        }
        assertThat(Probe.delivered(id)).as("delivered once").isEqualTo(1);
    }

    @Test
    void shouldStoreNoSecretInTheRegistry(
            @Autowired org.springframework.modulith.events.core.EventSerializer serializer) {
        for (Class<?> durable : org.broadsheet.account.AccountEvents.class.getDeclaredClasses()) {
            for (var component : durable.getRecordComponents()) {
                assertThat(component.getName().toLowerCase()).as(durable.getSimpleName())
                        .doesNotContain("token", "password", "secret");
            }
        }
        Object stored = serializer.serialize(
                new org.broadsheet.account.AccountEvents.VerificationRequested(7, "reader@example.com"));
        assertThat(stored.toString()).isEqualTo("{\"accountId\":7,\"email\":\"reader@example.com\"}");
    }

    /** The site on a database in files, as a restart finds it; the tests' own settings are left out. */
    private static ConfigurableApplicationContext start(Path data) {
        return new SpringApplicationBuilder(BroadsheetApplication.class, Probe.class).profiles("local")
                .run("--spring.config.location=classpath:/", "--broadsheet.data-dir=" + data,
                        "--spring.main.web-application-type=none", "--broadsheet.scheduler.enabled=false",
                        "--broadsheet.events.retry.enabled=false", "--spring.modulith.default-async-termination=false");
    }

    private static void publish(ApplicationEventPublisher events, PlatformTransactionManager transactions,
            Object event) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> events.publishEvent(event));
    }

    private static String status(JdbcTemplate jdbc, long id) {
        return jdbc.query("SELECT status FROM event_publication WHERE serialized_event LIKE ?",
                rs -> rs.next() ? String.valueOf(rs.getString(1)) : null, "%" + id + "%");
    }

    /** An event for the probe alone. */
    public record ProbeEvent(long id) {
    }

    /** A listener that fails, or waits, when the test says so, and counts what it heard. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Probe {

        static final Map<Long, Integer> failuresLeft = new ConcurrentHashMap<>();
        static final Map<Long, CountDownLatch> blocked = new ConcurrentHashMap<>();
        static final Map<Long, AtomicInteger> starts = new ConcurrentHashMap<>();
        static final Map<Long, AtomicInteger> deliveries = new ConcurrentHashMap<>();

        static int started(long id) {
            return starts.getOrDefault(id, new AtomicInteger()).get();
        }

        static int delivered(long id) {
            return deliveries.getOrDefault(id, new AtomicInteger()).get();
        }

        @Bean
        ProbeListener probeListener() {
            return new ProbeListener();
        }
    }

    static class ProbeListener {

        @ApplicationModuleListener
        void on(ProbeEvent event) throws InterruptedException {
            Probe.starts.computeIfAbsent(event.id(), k -> new AtomicInteger()).incrementAndGet();
            CountDownLatch latch = Probe.blocked.get(event.id());
            if (latch != null) {
                latch.await();
                throw new IllegalStateException("stopped while listening");
            }
            if (Probe.failuresLeft.merge(event.id(), -1, Integer::sum) >= 0) {
                throw new IllegalStateException("failing on purpose");
            }
            Probe.deliveries.computeIfAbsent(event.id(), k -> new AtomicInteger()).incrementAndGet();
        }
    }
}
