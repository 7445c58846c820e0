package org.broadsheet.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.broadsheet.BroadsheetApplication;
import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleTestData;
import org.broadsheet.comment.CommentPosting;
import org.broadsheet.mail.Mailer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The site stops while a notification's mail is being sent (the mail server hangs, then the process ends): after
 * the next start the mail goes, once, and the reader has one notification, not two.
 */
class NotificationRestartTests {

    private static final String PASSWORD = "quiet-harbour-lanterns";

    @Test
    void shouldSendAfterARestartTheMailOfANotificationCutShortAndMakeNothingTwice(@TempDir Path data) {
        long ana;
        try (ConfigurableApplicationContext first = start(data)) {
            AccountService accounts = first.getBean(AccountService.class);
            CommentPosting comments = first.getBean(CommentPosting.class);
            ArticleTestData articles = new ArticleTestData(first.getBean(org.broadsheet.article.ArticleImports.class));
            long article = articles.article(articles.section(null), articles.author()).save();
            accounts.createVerified("ana", "Ana", "ana@example.com", PASSWORD, EnumSet.of(Role.READER));
            accounts.createVerified("ben", "Ben", "ben@example.com", PASSWORD, EnumSet.of(Role.READER));
            ana = accounts.idOf("ana").orElseThrow();
            long ben = accounts.idOf("ben").orElseThrow();
            long anas = comments.post(ana, article, null, "Ana on the harbour wall", UUID.randomUUID().toString()).id();

            HangingMail.hanging = new CountDownLatch(1);
            comments.post(ben, article, anas, "Ben answers Ana", UUID.randomUUID().toString());
            await().atMost(Duration.ofSeconds(10)).until(() -> HangingMail.started.contains("ana@example.com"));
            // The site stops while the mail server has the mail.
        }
        HangingMail.hanging.countDown();
        HangingMail.hanging = null;
        assertThat(HangingMail.sent).doesNotContain("ana@example.com");

        try (ConfigurableApplicationContext second = start(data)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> HangingMail.sent.contains("ana@example.com"));
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL", Long.class) == 0);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE recipient_id = ?", Long.class,
                    ana)).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE recipient_id = ? "
                    + "AND emailed_at IS NOT NULL", Long.class, ana)).isEqualTo(1);
        }
        assertThat(HangingMail.sent.stream().filter("ana@example.com"::equals)).as("mailed once").hasSize(1);
    }

    /** The site on a database in files, as a restart finds it; the tests' own settings are left out. */
    private static ConfigurableApplicationContext start(Path data) {
        return new SpringApplicationBuilder(BroadsheetApplication.class, HangingMail.class).profiles("local")
                .run("--spring.config.location=classpath:/", "--broadsheet.data-dir=" + data,
                        "--spring.main.web-application-type=none", "--broadsheet.scheduler.enabled=false",
                        "--broadsheet.events.retry.enabled=false", "--spring.modulith.default-async-termination=false");
    }

    /** A mail server that, while {@link #hanging} is set, takes a mail and never answers until released. */
    @TestConfiguration(proxyBeanMethods = false)
    static class HangingMail {

        static volatile CountDownLatch hanging;
        static final List<String> started = new CopyOnWriteArrayList<>();
        static final List<String> sent = new CopyOnWriteArrayList<>();

        @Bean
        @Primary
        Mailer hangingMailer() {
            return (to, subject, text, headers) -> {
                started.add(to);
                CountDownLatch latch = hanging;
                if (latch != null) {
                    try {
                        latch.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new IllegalStateException("The site stopped while the mail was being sent");
                }
                sent.add(to);
            };
        }
    }
}
