package org.broadsheet.mail;

/**
 * Sends a plain-text mail. Through SMTP when {@code spring.mail.host} is set; otherwise to the log and the
 * developer mailbox ({@link DevMailbox}), so that the demo works offline.
 */
public interface Mailer {

    void send(String to, String subject, String text);
}
