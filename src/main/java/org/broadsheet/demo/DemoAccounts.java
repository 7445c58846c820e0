package org.broadsheet.demo;

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

    DemoAccounts(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        accounts.createVerified("reader", "Rowan Reader", "reader@broadsheet.invalid", PASSWORD,
                EnumSet.of(Role.READER));
        accounts.createVerified("editor", "Eden Editor", "editor@broadsheet.invalid", PASSWORD,
                EnumSet.of(Role.EDITOR));
        accounts.createVerified("moderator", "Morgan Moderator", "moderator@broadsheet.invalid", PASSWORD,
                EnumSet.of(Role.MODERATOR));
        accounts.createVerified("admin", "Alex Admin", "admin@broadsheet.invalid", PASSWORD,
                EnumSet.of(Role.ADMIN));
    }
}
