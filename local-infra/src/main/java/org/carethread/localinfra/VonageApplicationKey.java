package org.carethread.localinfra;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A Vonage Voice application of one's own for the sandbox and tests: its id and a fresh RSA key. The service gets
 * the private key (PEM) and the Vonage SDK signs its API calls with it; a stand-in checks those JWTs (RS256) with
 * the public key, as Vonage does.
 */
public final class VonageApplicationKey {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String applicationId = UUID.randomUUID().toString();
    private final KeyPair keys;

    public VonageApplicationKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is unavailable", e);
        }
    }

    public String applicationId() {
        return applicationId;
    }

    /** The private key as Vonage hands it out: PKCS#8 PEM. */
    public String privateKeyPem() {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPrivate().getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n";
    }

    /**
     * Whether an {@code Authorization} header carries a JWT signed (RS256) with this application's key and naming
     * this application.
     */
    public boolean signed(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        String[] parts = authorization.substring("Bearer ".length()).trim().split("\\.");
        if (parts.length != 3) {
            return false;
        }
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initVerify(keys.getPublic());
            rsa.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rsa.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return false;
            }
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            return applicationId.equals(claims.path("application_id").asText());
        } catch (Exception e) {
            return false;
        }
    }
}
