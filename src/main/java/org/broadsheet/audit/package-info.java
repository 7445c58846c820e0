/**
 * The audit log: it hears {@link org.broadsheet.shared.AuditEvent}s, which other modules publish inside the
 * transaction of a staff action, stores each one in that same transaction, and shows them to administrators at
 * {@code /admin/audit}, read-only.
 */
@ApplicationModule(allowedDependencies = { "shared" })
package org.broadsheet.audit;

import org.springframework.modulith.ApplicationModule;
