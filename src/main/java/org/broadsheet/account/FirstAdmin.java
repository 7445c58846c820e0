package org.broadsheet.account;

import java.util.EnumSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Creates the first administrator of a new site from {@code BROADSHEET_ADMIN_USERNAME},
 * {@code BROADSHEET_ADMIN_EMAIL} and {@code BROADSHEET_ADMIN_PASSWORD}, when all three are set and no
 * administrator exists yet. Nothing happens otherwise, so no account with a known password is ever created.
 */
@Component
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final AccountService accounts;
    private final PasswordPolicy policy;
    private final String username;
    private final String email;
    private final String password;

    FirstAdmin(AccountService accounts, PasswordPolicy policy,
            @Value("${broadsheet.admin.username:}") String username,
            @Value("${broadsheet.admin.email:}") String email,
            @Value("${broadsheet.admin.password:}") String password) {
        this.accounts = accounts;
        this.policy = policy;
        this.username = username;
        this.email = email;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (username.isBlank() || email.isBlank() || password.isBlank() || accounts.anyAdmin()) {
            return;
        }
        policy.problem(password, username, email).ifPresentOrElse(
                problem -> log.error("BROADSHEET_ADMIN_PASSWORD is not acceptable ({}): no administrator created",
                        problem),
                () -> {
                    if (accounts.createVerified(username, username, email, password, EnumSet.of(Role.ADMIN))) {
                        log.info("Created the first administrator, {}", username);
                    }
                });
    }
}
