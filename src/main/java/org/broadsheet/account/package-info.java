/**
 * The readers' accounts: registration, sign-in (with its throttle and "keep me signed in"), email verification,
 * password reset, settings, roles, public profiles and the personal data export. Its API is {@link
 * org.broadsheet.account.AccountService} with its records and events; mails go through the mail module.
 */
@ApplicationModule(allowedDependencies = { "mail", "shared" })
package org.broadsheet.account;

import org.springframework.modulith.ApplicationModule;
