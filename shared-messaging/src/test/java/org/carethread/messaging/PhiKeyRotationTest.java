package org.carethread.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.carethread.localinfra.CareThreadTestResource;
import org.carethread.localinfra.TestCrypto;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A key rotation as operators run it: the service's keyring holds the retired key and the active one; values sealed
 * before the rotation (more than a batch, in two columns of a table the job has never heard of) are re-sealed under
 * the active key in the background, keep their plaintext, and the remaining count reaches zero. Reads work throughout,
 * because every value names its key.
 */
@QuarkusTest
@QuarkusTestResource(value = CareThreadTestResource.class, initArgs = @ResourceArg(name = "service", value = "messaging"))
class PhiKeyRotationTest {

    @Inject
    PhiKeyRotation rotation;

    @Test
    void valuesSealedWithTheRetiredKeyAreResealedUnderTheActiveOneAndStillReadTheSame() throws Exception {
        Map<Integer, String> plaintexts = new HashMap<>();
        try (Connection db = database(); Statement ddl = db.createStatement()) {
            ddl.execute("create table rotation_sample (id int primary key, sealed_note text, sealed_name text,"
                    + " plain_code text)");
            try (PreparedStatement insert = db.prepareStatement(
                    "insert into rotation_sample values (?, ?, ?, ?)")) {
                for (int i = 0; i < 150; i++) {
                    String note = "note " + i + " about chest pain";
                    plaintexts.put(i, note);
                    insert.setInt(1, i);
                    insert.setString(2, TestCrypto.BEFORE_ROTATION.seal(note));
                    // a null stays null; an already current value is left alone
                    insert.setString(3, i % 3 == 0 ? null
                            : i % 3 == 1 ? TestCrypto.BEFORE_ROTATION.seal("Name " + i) : TestCrypto.CIPHER.seal("Name " + i));
                    insert.setString(4, "code-" + i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> underRetiredKey() == 0 && rotation.remaining() == 0);

        try (Connection db = database(); Statement query = db.createStatement();
                ResultSet rows = query.executeQuery("select id, sealed_note, sealed_name, plain_code from rotation_sample")) {
            int seen = 0;
            while (rows.next()) {
                int id = rows.getInt(1);
                assertTrue(rows.getString(2).startsWith("v1.test1."), "note under the active key");
                assertEquals(plaintexts.get(id), TestCrypto.CIPHER.open(rows.getString(2)));
                if (id % 3 == 0) {
                    assertEquals(null, rows.getString(3));
                } else {
                    assertEquals("Name " + id, TestCrypto.CIPHER.open(rows.getString(3)));
                }
                assertEquals("code-" + id, rows.getString(4), "columns not named sealed_ are not touched");
                seen++;
            }
            assertEquals(150, seen);
        }
    }

    private static long underRetiredKey() throws SQLException {
        try (Connection db = database(); Statement query = db.createStatement(); ResultSet count = query.executeQuery(
                "select count(*) from rotation_sample where sealed_note like 'v1.test0.%' or sealed_name like 'v1.test0.%'")) {
            count.next();
            return count.getLong(1);
        }
    }

    private static Connection database() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }
}
