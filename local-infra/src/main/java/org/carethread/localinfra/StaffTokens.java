package org.carethread.localinfra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Staff access tokens for component tests, shaped like the Keycloak realm's ({@code realm_access.roles},
 * {@code locations}, {@code teams}, {@code preferred_username}) and RS256-signed by a key pair of this JVM. Services verify them for
 * real against the public key, as they verify Keycloak's against its JWKS; the end-to-end suite uses Keycloak itself.
 */
public final class StaffTokens {
    public static final String ISSUER = "https://carethread.test/realms/carethread";
    private static final KeyPair KEYS = newKeyPair();
    private static Path publicKeyFile;

    private StaffTokens() {
    }

    /** A token for a staff member with these realm roles, working at these location codes, in no team. */
    public static String issue(String username, List<String> roles, List<String> locations) {
        return issue(username, roles, locations, List.of());
    }

    /** A token for a staff member with these realm roles, working at these location codes in these teams. */
    public static String issue(String username, List<String> roles, List<String> locations, List<String> teams) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = Map.of(
                "iss", ISSUER,
                "sub", UUID.nameUUIDFromBytes(username.getBytes()).toString(),
                "preferred_username", username,
                // As Keycloak's profile scope has it: Nora for nora.north
                "given_name", Character.toUpperCase(username.charAt(0)) + username.split("\\.")[0].substring(1),
                "iat", now,
                "exp", now + 300,
                "realm_access", Map.of("roles", roles),
                "locations", locations,
                "teams", teams);
        return Jwts.compact(Map.of("alg", "RS256", "typ", "JWT", "kid", "test"), claims, input -> {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(KEYS.getPrivate());
            rsa.update(input);
            return rsa.sign();
        });
    }

    /** PEM file of the verification key, for {@code mp.jwt.verify.publickey.location}. */
    public static synchronized Path publicKeyPem() {
        if (publicKeyFile == null) {
            try {
                publicKeyFile = Files.createTempFile("carethread-staff-token", ".pem");
                publicKeyFile.toFile().deleteOnExit();
                Files.writeString(publicKeyFile, "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n");
            } catch (IOException e) {
                throw new IllegalStateException("could not write the test token key", e);
            }
        }
        return publicKeyFile;
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
