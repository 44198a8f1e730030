package org.carethread.audit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "carethread.audit")
public interface AuditConfig {
    /** Entries read per round trip while verifying the chain: bounds memory however long the log grows. */
    @WithDefault("1000")
    int verifyBatchSize();
}
