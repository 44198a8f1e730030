package org.carethread.localinfra;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Compact JWS serialisation shared by the carrier signer and the test staff tokens. */
final class Jwts {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private Jwts() {
    }

    interface Signer {
        byte[] sign(byte[] signingInput) throws Exception;
    }

    static String compact(Map<String, Object> header, Map<String, Object> claims, Signer signer) {
        try {
            String signingInput = B64.encodeToString(JSON.writeValueAsBytes(header)) + "."
                    + B64.encodeToString(JSON.writeValueAsBytes(claims));
            return signingInput + "." + B64.encodeToString(signer.sign(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("claims are not serialisable", e);
        } catch (Exception e) {
            throw new IllegalStateException("signing failed", e);
        }
    }
}
