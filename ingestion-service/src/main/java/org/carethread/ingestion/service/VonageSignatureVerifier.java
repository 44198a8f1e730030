package org.carethread.ingestion.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.carethread.ingestion.config.VonageConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks the signed JWT Vonage sends in the {@code Authorization} header of a Messages API or Voice API webhook:
 * HS256 with the account's signature secret, issued within the allowed age, and a {@code payload_hash} equal to the
 * SHA-256 of the exact body, so neither a forged nor an altered nor a replayed webhook gets in.
 */
@ApplicationScoped
public class VonageSignatureVerifier {
    private static final String BEARER = "bearer ";
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final VonageConfig config;
    private final ObjectMapper json;

    public VonageSignatureVerifier(VonageConfig config, ObjectMapper json) {
        if (config.signatureSecret().isBlank()) {
            throw new IllegalStateException("no Vonage signature secret configured (VONAGE_SIGNATURE_SECRET)");
        }
        this.key = new SecretKeySpec(config.signatureSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.config = config;
        this.json = json;
    }

    /** Returns normally when the webhook is authentic, throws {@link WebhookRejectedException} otherwise. */
    public void verify(String authorization, String rawBody) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw WebhookRejectedException.unauthorized("The webhook has no 'Authorization: Bearer <JWT>' header."
                    + " Enable signed webhooks for the Vonage application.");
        }
        String[] parts = authorization.substring(BEARER.length()).trim().split("\\.", -1);
        if (parts.length != 3) {
            throw WebhookRejectedException.unauthorized("The Authorization header does not carry a signed JWT.");
        }
        JsonNode header = decode(parts[0]);
        if (!"HS256".equals(header.path("alg").asText())) {
            throw WebhookRejectedException.unauthorized("The webhook JWT must be signed with HS256.");
        }
        byte[] expected = hmac((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        if (!MessageDigest.isEqual(expected, signatureBytes(parts[2]))) {
            throw WebhookRejectedException.unauthorized("The webhook signature does not match the configured"
                    + " Vonage signature secret.");
        }
        JsonNode claims = decode(parts[1]);
        checkIssuedAt(claims.get("iat"));
        if (rawBody.isEmpty() && !claims.has("payload_hash")) {
            // A Voice answer webhook sent as GET has no body, and then Vonage signs no payload hash.
            return;
        }
        byte[] bodyHash = HexFormat.of().formatHex(sha256(rawBody)).getBytes(StandardCharsets.US_ASCII);
        byte[] claimedHash = claims.path("payload_hash").asText("").toLowerCase().getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(bodyHash, claimedHash)) {
            throw WebhookRejectedException.unauthorized("The body does not match the payload_hash the webhook was"
                    + " signed with: it was altered on the way.");
        }
    }

    private void checkIssuedAt(JsonNode iat) {
        if (iat == null || !iat.canConvertToLong()) {
            throw WebhookRejectedException.unauthorized("The webhook JWT has no numeric 'iat' claim.");
        }
        SigningTime.requireFresh(Instant.ofEpochSecond(iat.asLong()), config.maxTokenAge(), config.clockSkew());
    }

    private JsonNode decode(String part) {
        try {
            JsonNode node = json.readTree(BASE64URL.decode(part));
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return node;
        } catch (Exception e) {
            throw WebhookRejectedException.unauthorized("The webhook JWT is malformed.");
        }
    }

    private static byte[] signatureBytes(String part) {
        try {
            return BASE64URL.decode(part);
        } catch (IllegalArgumentException e) {
            throw WebhookRejectedException.unauthorized("The webhook JWT signature is not base64url.");
        }
    }

    private byte[] hmac(byte[] signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(signingInput);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    private static byte[] sha256(String body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
