package org.broadsheet.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo accounts, one per role, all with the password {@value #PASSWORD}. Demo profile only: production
 * never has an account with a known password.
 */
@Component
@Profile("demo")
@Order(1)
class DemoAccounts implements ApplicationRunner {

    static final String PASSWORD = "broadsheet-demo";

    private final AccountService accounts;
    private final Clock clock;

    DemoAccounts(AccountService accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        // Members for a good while, so that only readers who really joined lately show the "New member" badge.
        Instant joined = clock.instant().minus(Duration.ofDays(400));
        accounts.createVerified("reader", "Rowan Reader", "reader@broadsheet.invalid", PASSWORD,
                EnumSet.of(Role.READER), joined);
        accounts.createVerified("editor", "Eden Editor", "editor@broadsheet.invalid", PASSWORD,
                EnumSet.of(Role.EDITOR), joined);
        accounts.createVerified("moderator", "Morgan Moderator", "moderator@broadsheet.invalid", PASSWORD,
                EnumSet.of(Role.MODERATOR), joined);
        accounts.createVerified("admin", "Alex Admin", "admin@broadsheet.invalid", PASSWORD,
                EnumSet.of(Role.ADMIN), joined);
    }
}
