package org.picogate.streams.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of PID {@code org.picogate.streams}; changes apply to streams opened afterwards. */
@ObjectClassDefinition(id = StreamsConfig.PID, name = "Picogate streams",
        description = "Buffers and closing of TCP and TLS streams.")
public @interface StreamsConfig {
    String PID = "org.picogate.streams";

    @AttributeDefinition(name = "Read buffer (bytes)", min = "64",
            description = "Bytes one read system call may fill; a longer line grows it up to the read's maximum.")
    int readBufferSize() default 2048;

    @AttributeDefinition(name = "High-water mark (bytes)", min = "0",
            description = "Bytes a stream buffers on write before writing through (blocking while the peer is slow).")
    int highWaterMark() default 16384;

    @AttributeDefinition(name = "Linger (ms)", min = "0",
            description = "How long close() waits for the peer's end of input after sending its own.")
    long lingerMillis() default 2000;

    @AttributeDefinition(name = "Linger input limit (bytes)", min = "0",
            description = "Input close() reads and discards at most while it lingers.")
    int lingerMaxBytes() default 65536;
}
