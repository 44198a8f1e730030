package org.carethread.schemas;

/** Values of the {@code channel} field: how a patient reached the practice or how we answer. */
public final class Channels {
    public static final String SMS = "sms";
    public static final String EMAIL = "email";
    /** A recorded phone message, its transcript as the text and its recording as a {@code MediaReceived} file. */
    public static final String VOICEMAIL = "voicemail";

    private Channels() {
    }
}
