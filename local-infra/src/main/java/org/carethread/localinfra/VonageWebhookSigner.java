package org.carethread.localinfra;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a webhook body as Vonage does for Messages API callbacks: a Bearer JWT (HS256 with the account's signature
 * secret) whose {@code payload_hash} claim is the hex SHA-256 of the exact body.
 */
public final class VonageWebhookSigner {
    private final byte[] secret;

    public VonageWebhookSigner(String signatureSecret) {
        this.secret = signatureSecret.getBytes(StandardCharsets.UTF_8);
    }

    /** The {@code Authorization} header value for this body. */
    public String bearerFor(String body) {
        return "Bearer " + tokenFor(body, Instant.now());
    }

    public String tokenFor(String body, Instant issuedAt) {
        Map<String, Object> claims = new HashMap<>(claims(issuedAt));
        claims.put("payload_hash", sha256Hex(body));
        return sign(claims);
    }

    /** The header for a request without a body (a Voice answer webhook sent as GET): no payload hash to sign. */
    public String bearerWithoutBody() {
        return "Bearer " + sign(claims(Instant.now()));
    }

    private static Map<String, Object> claims(Instant issuedAt) {
        return Map.of(
                "iat", issuedAt.getEpochSecond(),
                "jti", UUID.randomUUID().toString(),
                "iss", "Vonage",
                "api_key", "sandbox",
                "application_id", "00000000-0000-0000-0000-000000000000");
    }

    private String sign(Map<String, Object> claims) {
        return Jwts.compact(Map.of("alg", "HS256", "typ", "JWT"), claims, input -> {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(input);
        });
    }

    public static String sha256Hex(String body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
