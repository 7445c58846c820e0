package org.broadsheet.notification.push;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A browser's and a push service's side of Web Push, written for the tests from RFC 8291, RFC 8188 and RFC 8292
 * without the site's code: decrypting a message with the subscription's private key and auth secret, and reading
 * and verifying a VAPID {@code Authorization} header.
 */
public final class PushReceiver {

    private static final Pattern VAPID = Pattern.compile("vapid t=([\\w-]+)\\.([\\w-]+)\\.([\\w-]+), k=([\\w-]+)");

    private PushReceiver() {
    }

    /** What a VAPID header says, and whether its signature is the key's. */
    public record Vapid(String claims, String publicKey, String signedPart, byte[] signature, boolean verified) {
    }

    public static Vapid vapid(String header) throws Exception {
        Matcher m = VAPID.matcher(header);
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a VAPID header: " + header);
        }
        Base64.Decoder b64 = Base64.getUrlDecoder();
        String claims = new String(b64.decode(m.group(2)), StandardCharsets.UTF_8);
        String jwtHeader = new String(b64.decode(m.group(1)), StandardCharsets.UTF_8);
        if (!jwtHeader.contains("\"alg\":\"ES256\"")) {
            throw new IllegalArgumentException("Not ES256: " + jwtHeader);
        }
        byte[] signature = b64.decode(m.group(3));
        ECPublicKey key = WebPush.publicKey(b64.decode(m.group(4)));
        Signature check = Signature.getInstance("SHA256withECDSAinP1363Format");
        check.initVerify(key);
        String signed = m.group(1) + "." + m.group(2);
        check.update(signed.getBytes(StandardCharsets.US_ASCII));
        return new Vapid(claims, m.group(4), signed, signature, check.verify(signature));
    }

    /** Decrypts an "aes128gcm" message of one record for the browser that holds {@code browser} and {@code auth}. */
    public static byte[] decrypt(byte[] body, KeyPair browser, byte[] auth) throws Exception {
        ByteBuffer in = ByteBuffer.wrap(body);
        byte[] salt = new byte[16];
        in.get(salt);
        in.getInt(); // record size
        byte[] senderKey = new byte[in.get() & 0xff];
        in.get(senderKey);
        byte[] ciphertext = new byte[in.remaining()];
        in.get(ciphertext);

        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(browser.getPrivate());
        agreement.doPhase(WebPush.publicKey(senderKey), true);
        byte[] shared = agreement.generateSecret();
        byte[] browserKey = WebPush.point((ECPublicKey) browser.getPublic());
        byte[] info = join("WebPush: info".getBytes(StandardCharsets.US_ASCII), new byte[] { 0 }, browserKey,
                senderKey);
        byte[] ikm = expand(extract(auth, shared), info, 32);
        byte[] prk = extract(salt, ikm);
        byte[] cek = expand(prk, join("Content-Encoding: aes128gcm".getBytes(StandardCharsets.US_ASCII),
                new byte[] { 0 }), 16);
        byte[] nonce = expand(prk, join("Content-Encoding: nonce".getBytes(StandardCharsets.US_ASCII),
                new byte[] { 0 }), 12);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = cipher.doFinal(ciphertext);
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != 2) {
            throw new IllegalArgumentException("Not the last record: no 0x02 delimiter");
        }
        return Arrays.copyOf(padded, end);
    }

    private static byte[] extract(byte[] salt, byte[] ikm) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        return mac.doFinal(ikm);
    }

    private static byte[] expand(byte[] prk, byte[] info, int length) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(prk, "HmacSHA256"));
        mac.update(info);
        mac.update((byte) 1);
        return Arrays.copyOf(mac.doFinal(), length);
    }

    private static byte[] join(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        ByteBuffer out = ByteBuffer.allocate(length);
        for (byte[] part : parts) {
            out.put(part);
        }
        return out.array();
    }
}
