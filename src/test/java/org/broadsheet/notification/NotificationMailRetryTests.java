package org.broadsheet.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleImports;
import org.broadsheet.article.ArticleTestData;
import org.broadsheet.comment.CommentPosting;
import org.broadsheet.mail.Mailer;
import org.broadsheet.shared.EventRetries;
import org.broadsheet.support.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A mail server that refuses a notification's mail: the mail is not lost (the event publication registry tries
 * again with a growing wait) and, once it goes, it goes once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
@Import({ MutableClock.Config.class, NotificationMailRetryTests.FlakyMail.class })
class NotificationMailRetryTests {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    

    @Autowired
    CommentPosting posting;

    @Autowired
    AccountService accounts;

    @Autowired
    ArticleImports imports;

    @Autowired
    EventRetries retries;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    private long reader(String name) {
        String username = "retried" + SEQUENCE.incrementAndGet();
        accounts.createVerified(username, name, username + "@example.com", "quiet-harbour-lanterns",
                EnumSet.of(Role.READER));
        return accounts.idOf(username).orElseThrow();
    }

    @Test
    void shouldSendARefusedMailLaterAndOnce() {
        ArticleTestData data = new ArticleTestData(imports);
        long article = data.article(data.section(null), data.author()).slug(ArticleTestData.unique("retry")).save();
        long ana = reader("Ana");
        long ben = reader("Ben");
        String address = jdbc.queryForObject("SELECT email FROM account WHERE id = ?", String.class, ana);
        FlakyMail.refusals.put(address, 1);
        long anas = posting.post(ana, article, null, "Ana on the harbour wall", UUID.randomUUID().toString()).id();

        posting.post(ben, article, anas, "Ben answers Ana", UUID.randomUUID().toString());

        await().atMost(Duration.ofSeconds(10)).until(() -> FlakyMail.refused.contains(address));
        await().atMost(Duration.ofSeconds(10)).until(() -> failedMails(ana) == 1);
        assertThat(FlakyMail.sentTo(address)).isZero();
        // Past the registry's first wait before trying again (30 seconds).
        clock.advance(Duration.ofMinutes(2));
        retries.retryFailed();

        await().atMost(Duration.ofSeconds(10)).until(() -> FlakyMail.sentTo(address) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> failedMails(ana) == 0);
        clock.advance(Duration.ofHours(3));
        retries.retryFailed();
        assertThat(FlakyMail.sentTo(address)).as("sent once").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE recipient_id = ? "
                + "AND emailed_at IS NOT NULL", Long.class, ana)).isEqualTo(1);
    }

    /** The reader's notification mails still waiting in the registry after a failure. */
    private long failedMails(long recipient) {
        Long id = jdbc.queryForObject("SELECT MAX(id) FROM notification WHERE recipient_id = ?", Long.class,
                recipient);
        return id == null ? 0 : jdbc.queryForObject("SELECT COUNT(*) FROM event_publication WHERE event_type LIKE "
                + "'%NotificationMailDue' AND serialized_event LIKE ?", Long.class, "%:" + id + "}%");
    }

    /** A mail server that refuses the next mails to an address as many times as the test says. */
    @TestConfiguration(proxyBeanMethods = false)
    static class FlakyMail {

        static final Map<String, Integer> refusals = new ConcurrentHashMap<>();
        static final List<String> refused = new CopyOnWriteArrayList<>();
        static final List<String> sent = new CopyOnWriteArrayList<>();

        static long sentTo(String address) {
            return sent.stream().filter(address::equals).count();
        }

        @Bean
        @Primary
        Mailer flakyMailer(Clock clock) {
            return (to, subject, text, headers) -> {
                if (refusals.merge(to, -1, Integer::sum) >= 0) {
                    refused.add(to);
                    throw new IllegalStateException("The mail server refuses the mail to " + to);
                }
                sent.add(to);
            };
        }
    }
}
