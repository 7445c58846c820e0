package org.broadsheet.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for SMTP when no mail server is configured: every mail goes to the log and is kept, the most
 * recent first, for the developer-only page at {@code /dev/mails}.
 */
public class DevMailbox implements Mailer {

    private static final Logger log = LoggerFactory.getLogger(DevMailbox.class);
    private static final int KEPT = 50;

    private final Deque<SentMail> mails = new ArrayDeque<>();
    private final Clock clock;

    public DevMailbox(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void send(String to, String subject, String text, Map<String, String> headers) {
        log.info("Mail to {}: {}\n{}", to, subject, text);
        mails.addFirst(new SentMail(to, subject, text, Map.copyOf(headers), clock.instant()));
        while (mails.size() > KEPT) {
            mails.removeLast();
        }
    }

    public synchronized List<SentMail> recent() {
        return List.copyOf(mails);
    }

    /** One mail as it would have been sent. */
    public record SentMail(String to, String subject, String text, Map<String, String> headers, Instant sentAt) {
    }
}
