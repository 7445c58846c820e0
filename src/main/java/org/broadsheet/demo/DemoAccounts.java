package org.broadsheet.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.AccountService.NewMember;
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
        accounts.createVerified(List.of(
                member("reader", "Rowan Reader", Role.READER, joined),
                member("editor", "Eden Editor", Role.EDITOR, joined),
                member("moderator", "Morgan Moderator", Role.MODERATOR, joined),
                member("admin", "Alex Admin", Role.ADMIN, joined)), PASSWORD);
    }

    private static NewMember member(String username, String displayName, Role role, Instant joined) {
        return new NewMember(username, displayName, username + "@broadsheet.invalid", EnumSet.of(role), joined);
    }
}
