package org.carethread.ingestion.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How much of the files patients send is kept ({@code carethread.media.*}); see {@code service.FileKeeping}. */
@ConfigMapping(prefix = "carethread.media")
public interface MediaConfig {

    /** The largest single file whose contents are kept, in bytes; a larger one is described only. */
    @WithDefault("8388608")
    int maxFileBytes();

    /** What the kept files of one message may weigh together, in bytes; files past it are described only. */
    @WithDefault("16777216")
    int maxMessageBytes();
}
