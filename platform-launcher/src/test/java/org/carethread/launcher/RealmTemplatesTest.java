package org.carethread.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The production realm template is the demo realm made safe, and stays so as the demo realm changes: the same roles,
 * claims, user profile, token and session lifetimes, lockout and password policy; no demo users, no password-grant
 * client, TLS required on every connection, and every user made to enrol an OTP authenticator.
 */
class RealmTemplatesTest {
    private static final Path KEYCLOAK = Path.of("").toAbsolutePath().getParent().resolve("deploy/keycloak");

    @Test
    void theProductionTemplateRequiresOtpAndHoldsNoDemoAccess() throws IOException {
        JsonObject production = read("carethread-realm.production.json");

        assertFalse(production.containsKey("users"), "demo users in the production template");
        assertEquals("all", production.getString("sslRequired"));
        JsonArray clients = production.getJsonArray("clients");
        assertEquals(1, clients.size(), "only the staff web app signs in");
        JsonObject staffWeb = clients.getJsonObject(0);
        assertEquals("staff-web", staffWeb.getString("clientId"));
        assertFalse(staffWeb.getBoolean("directAccessGrantsEnabled"), "no password grant");
        assertTrue(staffWeb.getJsonArray("redirectUris").stream().allMatch(uri -> ((String) uri).startsWith("https://")));
        JsonObject otp = production.getJsonArray("requiredActions").stream().map(JsonObject.class::cast)
                .filter(action -> "CONFIGURE_TOTP".equals(action.getString("providerId"))).findFirst().orElseThrow();
        assertTrue(otp.getBoolean("enabled") && otp.getBoolean("defaultAction"),
                "every new user must enrol an authenticator at first sign-in");
    }

    @Test
    void apartFromThatItIsTheDemoRealm() throws IOException {
        JsonObject demo = read("carethread-realm.json");
        JsonObject production = read("carethread-realm.production.json");

        JsonObject expected = demo.copy();
        expected.remove("users");
        JsonArray staffWebOnly = new JsonArray();
        for (Object client : expected.getJsonArray("clients")) {
            JsonObject c = (JsonObject) client;
            if ("staff-web".equals(c.getString("clientId"))) {
                JsonObject productionStaffWeb = production.getJsonArray("clients").getJsonObject(0);
                c.put("redirectUris", productionStaffWeb.getJsonArray("redirectUris"));
                c.put("webOrigins", productionStaffWeb.getJsonArray("webOrigins"));
                c.getJsonObject("attributes").put("post.logout.redirect.uris",
                        productionStaffWeb.getJsonObject("attributes").getString("post.logout.redirect.uris"));
                staffWebOnly.add(c);
            }
        }
        expected.put("clients", staffWebOnly);
        expected.put("sslRequired", "all");
        expected.put("requiredActions", production.getJsonArray("requiredActions"));

        // A change to the demo realm (a role, a claim, a policy) must be made to the production template too
        for (String field : expected.fieldNames()) {
            assertEquals(expected.getValue(field), production.getValue(field), "realm field '" + field
                    + "' differs between carethread-realm.json and carethread-realm.production.json");
        }
        assertEquals(expected.fieldNames(), production.fieldNames());
    }

    private static JsonObject read(String file) throws IOException {
        return new JsonObject(Files.readString(KEYCLOAK.resolve(file)));
    }
}
