package org.carethread.launcher;

import java.util.Locale;

/** The five CareThread services as the launcher runs them: module, port and database (see docs/CONTRACTS.md). */
public enum PlatformService {
    INGESTION("ingestion-service", 8081, "carethread_ingestion"),
    CONVERSATION("conversation-service", 8082, "carethread_conversation"),
    ROUTING("routing-service", 8083, "carethread_routing"),
    NOTIFICATION("notification-service", 8084, "carethread_notification"),
    AUDIT("audit-service", 8085, "carethread_audit");

    private final String module;
    private final int port;
    private final String database;

    PlatformService(String module, int port, String database) {
        this.module = module;
        this.port = port;
        this.database = database;
    }

    /** Maven module and directory name, e.g. {@code ingestion-service}. */
    public String module() {
        return module;
    }

    public int port() {
        return port;
    }

    /** Database name without the launcher's optional prefix. */
    public String database() {
        return database;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** Accepts {@code ingestion-service}, {@code ingestion} or {@code INGESTION}. */
    public static PlatformService of(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (PlatformService service : values()) {
            if (service.module.equals(wanted) || service.name().toLowerCase(Locale.ROOT).equals(wanted)) {
                return service;
            }
        }
        throw new IllegalArgumentException("no CareThread service called '" + name + "'");
    }
}
