package org.carethread.launcher;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java org.carethread.launcher.CareThreadPlatform [options]}: starts the whole platform locally, prints where
 * everything is, and stops it all on Ctrl+C. See platform-launcher/README.md.
 */
public final class CareThreadPlatform {
    private CareThreadPlatform() {
    }

    public static void main(String[] args) {
        LocalPlatform.Options options = LocalPlatform.Options.defaults();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--skip-services" -> options.skipServices();
                case "--skip-keycloak" -> options.startKeycloak(false);
                case "--fresh" -> options.freshData(true);
                case "--data-dir" -> options.dataDir(Path.of(value(args, ++i, "--data-dir")));
                case "--db-prefix" -> options.databasePrefix(value(args, ++i, "--db-prefix"));
                case "--root" -> options.projectRoot(Path.of(value(args, ++i, "--root")));
                case "-h", "--help" -> {
                    System.out.println(usage());
                    return;
                }
                default -> {
                    System.err.println("unknown option " + args[i] + "\n" + usage());
                    System.exit(2);
                }
            }
        }
        LocalPlatform platform;
        try {
            platform = LocalPlatform.start(options);
        } catch (LaunchException e) {
            System.err.println("\nCareThread did not start: " + e.getMessage());
            System.exit(1);
            return;
        } catch (RuntimeException e) {
            System.err.println("\nCareThread did not start: " + e);
            e.printStackTrace();
            System.exit(1);
            return;
        }
        System.out.println(platform.summary());
        // The shutdown hook LocalPlatform registered stops everything on Ctrl+C; until then, just wait.
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            platform.stop();
        }
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            System.err.println(option + " needs a value\n" + usage());
            System.exit(2);
        }
        return args[index];
    }

    private static String usage() {
        return """
                usage: CareThreadPlatform [--skip-services] [--skip-keycloak] [--fresh] [--data-dir DIR]
                                          [--db-prefix PREFIX] [--root DIR]
                  --skip-services   start only PostgreSQL, Kafka, Keycloak, the staff gateway and the sandbox carrier
                  --skip-keycloak   do not start Keycloak
                  --fresh           drop and recreate the databases and empty Kafka first (PHI keys stay)
                  --data-dir DIR    keys, Kafka data and logs (default platform-launcher/target/local-platform)
                  --db-prefix P     prefix for the five database names
                  --root DIR        the CareThread repository (default: found from the working directory)
                """;
    }
}
