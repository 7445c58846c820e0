package org.broadsheet.mail;

import java.util.Map;

/**
 * Sends a plain-text mail. Through SMTP when {@code spring.mail.host} is set; otherwise to the log and the
 * developer mailbox ({@link DevMailbox}), so that the demo works offline.
 */
public interface Mailer {

    default void send(String to, String subject, String text) {
        send(to, subject, text, Map.of());
    }

    /** Sends a mail with these extra headers (such as {@code List-Unsubscribe}). */
    void send(String to, String subject, String text, Map<String, String> headers);
}
