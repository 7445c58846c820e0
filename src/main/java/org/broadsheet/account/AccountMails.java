package org.broadsheet.account;

import org.broadsheet.account.AccountEvents.PasswordResetRequested;
import org.broadsheet.account.AccountEvents.VerificationRequested;
import org.broadsheet.mail.Mailer;
import org.broadsheet.shared.SiteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import java.util.Locale;

/**
 * Writes the mails of the account module once the change that asked for them is committed. A mail server
 * that fails does not undo a registration: the reader can ask for the link again from their account page.
 * Nothing a reader chose (their display name) goes into a mail: anyone can register with someone else's
 * address, and a name such as "https://evil.example/..." would reach that inbox as a link from this site.
 */
@Component
class AccountMails {

    private static final Logger log = LoggerFactory.getLogger(AccountMails.class);

    private final Mailer mailer;
    private final SiteProperties site;
    private final MessageSource messages;

    AccountMails(Mailer mailer, SiteProperties site, MessageSource messages) {
        this.mailer = mailer;
        this.site = site;
        this.messages = messages;
    }

    @TransactionalEventListener
    void on(VerificationRequested event) {
        send(event.email(), "mail.verify.subject", "mail.verify.body",
                site.absolute("/account/verify?token=" + event.token()));
    }

    @TransactionalEventListener
    void on(PasswordResetRequested event) {
        send(event.email(), "mail.reset.subject", "mail.reset.body",
                site.absolute("/password/reset?token=" + event.token()));
    }

    private void send(String to, String subjectKey, String bodyKey, String link) {
        try {
            Object[] args = { link, site.name() };
            mailer.send(to, messages.getMessage(subjectKey, args, Locale.UK),
                    messages.getMessage(bodyKey, args, Locale.UK));
        } catch (RuntimeException e) {
            log.warn("Could not send {} to {}: {}", subjectKey, to, e.toString());
        }
    }
}
