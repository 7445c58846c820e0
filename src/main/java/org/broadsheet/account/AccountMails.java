package org.broadsheet.account;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;

import org.broadsheet.account.AccountEvents.PasswordResetRequested;
import org.broadsheet.account.AccountEvents.VerificationRequested;
import org.broadsheet.account.AccountToken.Purpose;
import org.broadsheet.mail.Mailer;
import org.broadsheet.shared.SiteAddress;
import org.broadsheet.shared.SiteProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Mails the account module's links once the change that asked for them is committed, through the event
 * publication registry: a mail server that fails makes the listener fail, and the registry tries again later
 * (see {@code shared.EventRetries}), also after a restart. The link's token is made here, in the listener's own
 * transaction, so that no raw token is ever stored, in the registry or anywhere: if the mail cannot be sent, the
 * token is rolled back with it. Nothing a reader chose (their display name) goes into a mail: anyone can register
 * with someone else's address, and a name such as "https://evil.example/..." would reach that inbox as a link.
 */
@Component
class AccountMails {

    private static final Logger log = LoggerFactory.getLogger(AccountMails.class);

    private final AccountRepository accounts;
    private final AccountTokenRepository tokens;
    private final Mailer mailer;
    private final SiteProperties site;
    private final SiteAddress address;
    private final MessageSource messages;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AccountMails(AccountRepository accounts, AccountTokenRepository tokens, Mailer mailer, SiteProperties site,
            SiteAddress address, MessageSource messages, Clock clock) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.mailer = mailer;
        this.site = site;
        this.address = address;
        this.messages = messages;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(VerificationRequested event) {
        Account account = current(event.accountId(), event.email());
        if (account == null || account.isEmailVerified()) {
            return; // the address changed again, or was confirmed, since the link was asked for
        }
        tokens.useAll(account.getId(), Purpose.VERIFY_EMAIL, clock.instant());
        String token = issue(account, Purpose.VERIFY_EMAIL, AccountService.VERIFICATION_LIFETIME);
        send(account.getEmail(), "mail.verify.subject", "mail.verify.body",
                address.absolute("/account/verify?token=" + token));
    }

    @ApplicationModuleListener
    void on(PasswordResetRequested event) {
        Account account = current(event.accountId(), event.email());
        if (account == null) {
            return;
        }
        Instant hourAgo = clock.instant().minus(Duration.ofHours(1));
        if (tokens.countByAccountIdAndPurposeAndCreatedAtAfter(account.getId(), Purpose.RESET_PASSWORD, hourAgo)
                >= AccountService.RESETS_PER_HOUR) {
            log.info("Not sending another reset link to account {} this hour", account.getId());
            return;
        }
        String token = issue(account, Purpose.RESET_PASSWORD, AccountService.RESET_LIFETIME);
        send(account.getEmail(), "mail.reset.subject", "mail.reset.body",
                address.absolute("/password/reset?token=" + token));
    }

    /**
     * The account, locked so that its mails are made one at a time (the hourly limit holds), if it still has the
     * address the mail was asked for.
     */
    private Account current(long accountId, String email) {
        return accounts.findLockedById(accountId).filter(account -> account.getEmail().equalsIgnoreCase(email))
                .orElse(null);
    }

    private String issue(Account account, Purpose purpose, Duration lifetime) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        tokens.save(new AccountToken(account.getId(), purpose, AccountService.hash(token), account.getEmail(), now,
                now.plus(lifetime)));
        return token;
    }

    private void send(String to, String subjectKey, String bodyKey, String link) {
        Object[] args = { link, site.name() };
        mailer.send(to, messages.getMessage(subjectKey, args, Locale.UK), messages.getMessage(bodyKey, args, Locale.UK));
    }
}
