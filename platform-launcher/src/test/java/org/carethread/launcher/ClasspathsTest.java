package org.carethread.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClasspathsTest {

    @Test
    void theBrokerClasspathComesFromTheLaunchersOwnClasspathUnderATestRunnerToo() {
        List<String> classpath = Classpaths.forKafka(Path.of("/no/project/here"));

        assertTrue(classpath.stream().anyMatch(entry -> entry.contains("kafka_2.13-")), "the broker");
        assertTrue(classpath.stream().anyMatch(entry -> entry.contains("slf4j-simple-")), "its logging");
    }

    @Test
    void manifestOnlyJarsAreExpanded(@TempDir Path dir) throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Path real = Files.createFile(lib.resolve("real.jar"));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, real.toUri() + " lib/other.jar");
        Path booter = dir.resolve("booter.jar");
        try (OutputStream out = Files.newOutputStream(booter); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }

        List<String> expanded = Classpaths.expand(booter.toString());

        assertEquals(List.of(booter.toString(), real.toString(), lib.resolve("other.jar").toString()), expanded);
    }
}
