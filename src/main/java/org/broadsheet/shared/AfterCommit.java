package org.broadsheet.shared;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs in-memory work (dropping cached pages, marking sessions) after the current transaction commits, or at once
 * outside one.
 *
 * <p>Listeners of such work use {@code @EventListener} and this, not {@code @TransactionalEventListener}: the event
 * publication registry stores a publication for every transactional listener and marks it completed in a new
 * transaction, on the publishing thread, while that thread still holds its own connection. Under load every pooled
 * connection was held by a request waiting for a second one, and posts failed after the pool's timeout. Work done
 * here needs no connection and nothing is lost when it is: a restart empties the caches it tends.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    public static void run(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && TransactionSynchronizationManager.isActualTransactionActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    work.run();
                }
            });
        } else {
            work.run();
        }
    }
}
