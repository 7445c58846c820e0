package org.broadsheet.notification.push;

import java.time.Clock;
import java.util.Base64;
import java.util.List;

import org.broadsheet.account.AccountService;
import org.broadsheet.notification.NotificationService;
import org.broadsheet.shared.Datelines;
import org.broadsheet.shared.Datelines.Dateline;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A reader's devices for browser push: subscribing one (what the browser's {@code PushManager.subscribe} gave),
 * listing and removing them. Every method takes the reader's own id: nobody sees or removes another's devices.
 */
@Service
@Transactional
public class PushService {

    /** The most devices one account has; subscribing one more replaces the oldest. */
    public static final int MAX_DEVICES = 10;

    private final PushSubscriptions subscriptions;
    private final PushSettings settings;
    private final AccountService accounts;
    private final NotificationService notifications;
    private final Datelines datelines;
    private final Clock clock;

    PushService(PushSubscriptions subscriptions, PushSettings settings, AccountService accounts,
            NotificationService notifications, Datelines datelines, Clock clock) {
        this.notifications = notifications;
        this.subscriptions = subscriptions;
        this.settings = settings;
        this.accounts = accounts;
        this.datelines = datelines;
        this.clock = clock;
    }

    /** A device as the reader's settings list it. */
    public record Device(long id, String name, Dateline since) {
    }

    public boolean enabled() {
        return settings.enabled();
    }

    public String publicKey() {
        return settings.publicKey();
    }

    /**
     * Stores the device's subscription. A reader's first device brings replies by push (see
     * {@link NotificationService#pushByDefault}).
     *
     * @throws PushRefusedException when push is off, the endpoint is not a known push service's, or the keys are
     *         not a P-256 point and a 16-byte secret
     */
    public long subscribe(long accountId, String endpoint, String p256dh, String auth, String device) {
        if (!settings.enabled()) {
            throw new PushRefusedException("push.off");
        }
        if (endpoint == null || endpoint.length() > 1000 || !settings.allowed(endpoint)) {
            throw new PushRefusedException("push.endpoint");
        }
        if (!validKey(p256dh, 65, 100) || !validKey(auth, 16, 24)) {
            throw new PushRefusedException("push.keys");
        }
        accounts.lockForWriting(accountId);
        List<PushSubscriptions.Row> mine = subscriptions.of(accountId);
        if (mine.size() >= MAX_DEVICES && mine.stream().noneMatch(r -> r.endpoint().equals(endpoint))) {
            subscriptions.remove(accountId, mine.get(0).id());
        }
        String name = device == null || device.isBlank() ? "A browser" : device.strip();
        long id = subscriptions.save(accountId, endpoint, p256dh, auth, name.substring(0, Math.min(120, name.length())),
                clock.instant());
        if (mine.isEmpty()) {
            notifications.pushByDefault(accountId);
        }
        return id;
    }

    @Transactional(readOnly = true)
    public List<Device> devices(long accountId) {
        return subscriptions.of(accountId).stream().map(r -> new Device(r.id(), r.device(),
                datelines.of(r.createdAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)))).toList();
    }

    /** Removes one of the reader's devices; another reader's stays. @return whether it was theirs */
    public boolean remove(long accountId, long id) {
        return subscriptions.remove(accountId, id);
    }

    /** The ids of the reader's devices, for the notifications that go to each. */
    @Transactional(readOnly = true)
    public List<Long> deviceIds(long accountId) {
        return subscriptions.of(accountId).stream().map(PushSubscriptions.Row::id).toList();
    }

    /** A base64url value of {@code bytes} bytes (at most {@code chars} characters); a public key on the curve. */
    private static boolean validKey(String value, int bytes, int chars) {
        if (value == null || value.length() > chars) {
            return false;
        }
        try {
            byte[] decoded = Base64.getUrlDecoder().decode(value.replace("=", ""));
            if (decoded.length != bytes) {
                return false;
            }
            if (bytes == 65) {
                // A trial agreement: a point off the curve is refused here, not by every push later.
                javax.crypto.KeyAgreement agreement = javax.crypto.KeyAgreement.getInstance("ECDH");
                agreement.init(WebPush.newKeyPair().getPrivate());
                agreement.doPhase(WebPush.publicKey(decoded), true);
            }
            return true;
        } catch (IllegalArgumentException | java.security.GeneralSecurityException e) {
            return false;
        }
    }
}
