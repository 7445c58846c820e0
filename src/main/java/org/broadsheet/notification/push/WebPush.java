package org.broadsheet.notification.push;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Web Push protocol as an application server speaks it, with the JDK's own cryptography: the message is
 * encrypted for the subscription (RFC 8291, "aes128gcm" content coding of RFC 8188: ECDH on P-256 with a fresh key
 * pair per message, HKDF-SHA-256, AES-128-GCM) and the request carries a VAPID token (RFC 8292: an ES256 JWT for the
 * push service's origin, signed with the site's key). {@code WebPushTests} checks the encryption against the RFC's
 * own example, byte for byte.
 */
public final class WebPush {

    /** How long a push service keeps an undelivered message. */
    public static final Duration TTL = Duration.ofHours(12);
    /** A VAPID token's lifetime (RFC 8292 allows at most 24 hours). */
    static final Duration TOKEN_LIFETIME = Duration.ofHours(12);
    private static final int RECORD_SIZE = 4096;

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();

    private final KeyPair vapid;
    private final String subject;
    private final HttpClient http;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param vapid the site's key pair, whose public half browsers were given as {@code applicationServerKey}
     * @param subject a {@code mailto:} or {@code https:} contact for push services
     */
    public WebPush(KeyPair vapid, String subject, HttpClient http, Clock clock) {
        this.vapid = vapid;
        this.subject = subject;
        this.http = http;
        this.clock = clock;
    }

    /** Where a subscription's messages go, and the keys the browser made for it. */
    public record Target(String endpoint, String p256dh, String auth) {
    }

    /** Sends one message to one subscription and gives the push service's status (201 when it took it). */
    public int send(Target target, byte[] payload) throws java.io.IOException, InterruptedException {
        byte[] body = encrypt(payload, decode(target.p256dh()), decode(target.auth()));
        URI endpoint = URI.create(target.endpoint());
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                .header("Content-Encoding", "aes128gcm").header("Content-Type", "application/octet-stream")
                .header("TTL", String.valueOf(TTL.toSeconds())).header("Urgency", "normal")
                .header("Authorization", authorization(endpoint))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The {@code Authorization} header of RFC 8292: {@code vapid t=<JWT>, k=<public key>}. */
    String authorization(URI endpoint) {
        // The push service's origin: scheme, host, and the port only when it is not the scheme's own.
        int port = endpoint.getPort();
        boolean ownPort = port == -1 || ("https".equals(endpoint.getScheme()) && port == 443)
                || ("http".equals(endpoint.getScheme()) && port == 80);
        String audience = endpoint.getScheme() + "://" + endpoint.getHost() + (ownPort ? "" : ":" + port);
        long expires = clock.instant().plus(TOKEN_LIFETIME).getEpochSecond();
        String header = B64.encodeToString("{\"typ\":\"JWT\",\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8));
        String claims = B64.encodeToString(("{\"aud\":\"" + audience + "\",\"exp\":" + expires + ",\"sub\":\""
                + subject + "\"}").getBytes(StandardCharsets.UTF_8));
        String signed = header + "." + claims;
        try {
            Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
            signer.initSign(vapid.getPrivate());
            signer.update(signed.getBytes(StandardCharsets.US_ASCII));
            return "vapid t=" + signed + "." + B64.encodeToString(signer.sign()) + ", k="
                    + publicKey((ECPublicKey) vapid.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Encrypts with a fresh key pair and salt. */
    byte[] encrypt(byte[] plaintext, byte[] uaPublic, byte[] authSecret) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return encrypt(plaintext, uaPublic, authSecret, salt, newKeyPair());
    }

    /** RFC 8291 section 3 and RFC 8188 section 2, in one record: salt, record size, key, then the ciphertext. */
    static byte[] encrypt(byte[] plaintext, byte[] uaPublic, byte[] authSecret, byte[] salt, KeyPair asKeys) {
        try {
            byte[] asPublic = point((ECPublicKey) asKeys.getPublic());
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(asKeys.getPrivate());
            agreement.doPhase(publicKey(uaPublic), true);
            byte[] shared = agreement.generateSecret();
            byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), uaPublic, asPublic);
            byte[] ikm = hkdf(authSecret, shared, keyInfo, 32);
            byte[] cek = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
            byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
            // The last (and only) record ends with the delimiter 0x02.
            byte[] ciphertext = cipher.doFinal(concat(plaintext, new byte[] { 2 }));
            ByteBuffer header = ByteBuffer.allocate(16 + 4 + 1 + asPublic.length);
            header.put(salt).putInt(RECORD_SIZE).put((byte) asPublic.length).put(asPublic);
            return concat(header.array(), ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new P-256 key pair (for VAPID, or for one message). */
    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key pair of these base64url values: the public point (65 bytes) and the private scalar (32 bytes). */
    public static KeyPair keyPair(String publicKey, String privateKey) {
        try {
            ECPublicKey pub = publicKey(decode(publicKey));
            ECPrivateKeySpec spec = new ECPrivateKeySpec(new BigInteger(1, decode(privateKey)), pub.getParams());
            return new KeyPair(pub, KeyFactory.getInstance("EC").generatePrivate(spec));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not a P-256 key pair", e);
        }
    }

    /** The public key as browsers take it ({@code applicationServerKey}): the uncompressed point, base64url. */
    public static String publicKey(ECPublicKey key) {
        return B64.encodeToString(point(key));
    }

    /** The private scalar, base64url (32 bytes). */
    public static String privateKey(ECPrivateKey key) {
        return B64.encodeToString(unsigned(key.getS(), 32));
    }

    static ECPublicKey publicKey(byte[] point) throws GeneralSecurityException {
        if (point.length != 65 || point[0] != 4) {
            throw new GeneralSecurityException("Not an uncompressed P-256 point");
        }
        ECParameterSpec params = ((ECPublicKey) newKeyPair().getPublic()).getParams();
        ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(point, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(point, 33, 65)));
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, params));
    }

    static byte[] point(ECPublicKey key) {
        return concat(new byte[] { 4 }, unsigned(key.getW().getAffineX(), 32), unsigned(key.getW().getAffineY(), 32));
    }

    static byte[] decode(String base64url) {
        return UNB64.decode(base64url.replace('+', '-').replace('/', '_').replace("=", ""));
    }

    /** HKDF-SHA-256 (RFC 5869) for at most 32 bytes: one round of expansion. */
    static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        byte[] prk = mac.doFinal(ikm);
        mac.init(new SecretKeySpec(prk, "HmacSHA256"));
        mac.update(info);
        mac.update((byte) 1);
        return Arrays.copyOf(mac.doFinal(), length);
    }

    private static byte[] unsigned(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        if (bytes.length == length) {
            return bytes;
        }
        byte[] fixed = new byte[length];
        int copy = Math.min(bytes.length, length);
        System.arraycopy(bytes, bytes.length - copy, fixed, length - copy, copy);
        return fixed;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
