package org.broadsheet.notification.push;

import java.net.URI;
import java.net.http.HttpClient;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Whether browser push is on, and with what: the site's VAPID key pair from {@code broadsheet.push.public-key} and
 * {@code broadsheet.push.private-key} (base64url, as {@code WebPush.newKeyPair} makes them), or, in the demo
 * profile when none is set, a pair made at start. Without keys push is off and the banner is never shown. Push
 * messages go only to the push services of {@code broadsheet.push.services} (hosts, {@code *.} for a domain and
 * its hosts; HTTPS only), so that nobody makes the site post to an address of their choosing.
 */
@Component
public class PushSettings {

    static final List<String> KNOWN_SERVICES = List.of("fcm.googleapis.com", "updates.push.services.mozilla.com",
            "*.push.apple.com", "*.notify.windows.com");

    private static final Logger log = LoggerFactory.getLogger(PushSettings.class);

    private final KeyPair keys;
    private final String subject;
    private final List<String> services;
    private final List<String> insecureServices;
    private final WebPush push;

    PushSettings(@Value("${broadsheet.push.public-key:}") String publicKey,
            @Value("${broadsheet.push.private-key:}") String privateKey,
            @Value("${broadsheet.push.subject:mailto:desk@broadsheet.invalid}") String subject,
            @Value("${broadsheet.push.services:}") List<String> services,
            @Value("${broadsheet.push.insecure-services:}") List<String> insecureServices,
            Environment environment, Clock clock) {
        KeyPair pair = null;
        if (!publicKey.isBlank() && !privateKey.isBlank()) {
            pair = WebPush.keyPair(publicKey, privateKey);
        } else if (environment.acceptsProfiles(Profiles.of("demo"))) {
            pair = WebPush.newKeyPair();
            log.info("Browser push uses VAPID keys made at start (demo); public key {}",
                    WebPush.publicKey((ECPublicKey) pair.getPublic()));
        } else {
            log.info("No broadsheet.push.public-key and private-key set: browser push is off");
        }
        this.keys = pair;
        this.subject = subject;
        this.services = services.isEmpty() ? KNOWN_SERVICES : services;
        this.insecureServices = insecureServices;
        this.push = pair == null ? null : new WebPush(pair, subject,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), clock);
    }

    public boolean enabled() {
        return keys != null;
    }

    /** The key browsers subscribe with ({@code applicationServerKey}). */
    public String publicKey() {
        return keys == null ? null : WebPush.publicKey((ECPublicKey) keys.getPublic());
    }

    WebPush push() {
        return push;
    }

    /**
     * Whether an endpoint belongs to a push service the site sends to: HTTPS on a listed host, or a listed
     * {@code host:port} over plain HTTP (for a push service run by the tests on this machine).
     */
    boolean allowed(String endpoint) {
        URI uri;
        try {
            uri = URI.create(endpoint);
        } catch (IllegalArgumentException e) {
            return false;
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            return false;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if ("http".equals(uri.getScheme())) {
            return insecureServices.contains(host + ":" + uri.getPort());
        }
        return "https".equals(uri.getScheme()) && services.stream().anyMatch(service -> service.startsWith("*.")
                ? host.endsWith(service.substring(1)) || host.equals(service.substring(2)) : host.equals(service));
    }

    @Override
    public String toString() {
        return "PushSettings[enabled=" + enabled() + ", subject=" + subject + ", services="
                + Arrays.toString(services.toArray()) + "]";
    }
}
