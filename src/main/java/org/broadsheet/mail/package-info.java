/**
 * Sending mail: SMTP when configured, otherwise the log and the developer mailbox ({@code /dev/mails}).
 */
@ApplicationModule(allowedDependencies = { "shared" })
package org.broadsheet.mail;

import org.springframework.modulith.ApplicationModule;
