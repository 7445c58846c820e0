package org.broadsheet.notification.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/**
 * The Web Push encryption against RFC 8291's own example (Appendix A: its keys, salt and message, and the exact
 * bytes it gives), decrypted again as a browser would, and the VAPID token checked with the public key.
 */
class WebPushTests {

    static final String PLAINTEXT = "When I grow up, I want to be a watermelon";
    static final String AS_PUBLIC = "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
    static final String AS_PRIVATE = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
    static final String UA_PUBLIC = "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
    static final String UA_PRIVATE = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";
    static final String SALT = "DGv6ra1nlYgDCS1FRnbzlw";
    static final String AUTH = "BTBZMqHH6r4Tts7J_aSIgg";
    static final String BODY = "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLo"
            + "cInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";

    @Test
    void shouldEncryptTheRfcExampleToTheRfcsBytes() {
        byte[] body = WebPush.encrypt(PLAINTEXT.getBytes(StandardCharsets.UTF_8), WebPush.decode(UA_PUBLIC),
                WebPush.decode(AUTH), WebPush.decode(SALT), WebPush.keyPair(AS_PUBLIC, AS_PRIVATE));

        assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(body)).isEqualTo(BODY);
    }

    @Test
    void shouldBeReadByTheSubscriptionsKeysOnly() throws Exception {
        KeyPair browser = WebPush.newKeyPair();
        byte[] auth = new byte[16];
        new java.security.SecureRandom().nextBytes(auth);
        WebPush push = new WebPush(WebPush.newKeyPair(), "mailto:desk@example.com", null, Clock.systemUTC());

        byte[] body = push.encrypt("Ana replied".getBytes(StandardCharsets.UTF_8),
                WebPush.decode(WebPush.publicKey((java.security.interfaces.ECPublicKey) browser.getPublic())), auth);

        assertThat(new String(PushReceiver.decrypt(body, browser, auth), StandardCharsets.UTF_8))
                .isEqualTo("Ana replied");
        assertThat(PushReceiver.decrypt(WebPush.decode(BODY), WebPush.keyPair(UA_PUBLIC, UA_PRIVATE),
                WebPush.decode(AUTH))).asString(StandardCharsets.UTF_8).isEqualTo(PLAINTEXT);
        byte[] otherAuth = auth.clone();
        otherAuth[0] ^= 1;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PushReceiver.decrypt(body, browser, otherAuth))
                .isInstanceOf(javax.crypto.AEADBadTagException.class);
    }

    @Test
    void shouldSignAVapidTokenForThePushServicesOrigin() throws Exception {
        KeyPair site = WebPush.newKeyPair();
        Clock clock = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);
        WebPush push = new WebPush(site, "mailto:desk@example.com", null, clock);

        String header = push.authorization(URI.create("https://push.example.net:8443/send/abc?x=1"));

        PushReceiver.Vapid vapid = PushReceiver.vapid(header);
        assertThat(vapid.publicKey()).isEqualTo(WebPush.publicKey((java.security.interfaces.ECPublicKey) site.getPublic()));
        assertThat(vapid.claims()).contains("\"aud\":\"https://push.example.net:8443\"", "\"sub\":\"mailto:desk@example.com\"",
                "\"exp\":" + clock.instant().plus(WebPush.TOKEN_LIFETIME).getEpochSecond());
        assertThat(vapid.verified()).isTrue();
        assertThat(PushReceiver.vapid(push.authorization(URI.create("https://fcm.googleapis.com:443/fcm/send/x")))
                .claims()).as("the scheme's own port left out").contains("\"aud\":\"https://fcm.googleapis.com\"");
        Signature check = Signature.getInstance("SHA256withECDSAinP1363Format");
        check.initVerify(WebPush.newKeyPair().getPublic());
        check.update(vapid.signedPart().getBytes(StandardCharsets.US_ASCII));
        assertThat(check.verify(vapid.signature())).as("another key does not verify it").isFalse();
    }
}
