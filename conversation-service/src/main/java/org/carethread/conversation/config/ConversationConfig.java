package org.carethread.conversation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the staff API. */
@ConfigMapping(prefix = "carethread.conversation")
public interface ConversationConfig {

    /** Longest reply staff may send; a carrier splits longer SMS into too many parts. */
    @WithDefault("1600")
    int replyMaxLength();

    /** Most conversations one inbox list returns. */
    @WithDefault("200")
    int listLimit();
}
