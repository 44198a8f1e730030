package org.carethread.localinfra;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** A recording for the sandbox and tests to serve as Vonage would: a playable WAV, a gentle tone. */
public final class VoicemailRecording {
    private static final int SAMPLE_RATE = 8000;

    private VoicemailRecording() {
    }

    /** {@code seconds} of a 440 Hz tone, 8 kHz 16-bit mono PCM (16,000 bytes a second plus a 44-byte header). */
    public static byte[] tone(int seconds) {
        int samples = SAMPLE_RATE * seconds;
        ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < samples; i++) {
            pcm.putShort((short) (Math.sin(2 * Math.PI * 440 * i / SAMPLE_RATE) * 6000));
        }
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + pcm.capacity())
                .put("WAVE".getBytes(StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(SAMPLE_RATE).putInt(SAMPLE_RATE * 2).putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(pcm.capacity());
        ByteArrayOutputStream wav = new ByteArrayOutputStream(44 + pcm.capacity());
        wav.writeBytes(header.array());
        wav.writeBytes(pcm.array());
        return wav.toByteArray();
    }
}
