package org.broadsheet.account;

import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * Takes "I forgot my password" requests and handles them in the background, after the answer is on its way:
 * a known address (a token to store, a mail to send) then answers as fast as an unknown one, so the timing tells
 * nobody which addresses have accounts.
 */
@Component
public class PasswordResetRequests {

    private static final Logger log = LoggerFactory.getLogger(PasswordResetRequests.class);

    private final AccountService accounts;
    private final Executor background;

    PasswordResetRequests(AccountService accounts, @Qualifier("applicationTaskExecutor") Executor background) {
        this.accounts = accounts;
        this.background = background;
    }

    public void submit(String email) {
        String address = email.strip();
        background.execute(() -> {
            try {
                accounts.requestPasswordReset(address);
            } catch (RuntimeException e) {
                log.warn("Could not handle a password reset request: {}", e.toString());
            }
        });
    }
}
