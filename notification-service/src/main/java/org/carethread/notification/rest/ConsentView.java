package org.carethread.notification.rest;

import java.time.Instant;
import java.util.List;

import org.carethread.notification.repository.ConsentState;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A patient's SMS consent per practice number and how it came to be. No PHI: blind index, numbers of the practice. */
@Schema(name = "Consent", description = "SMS consent of one patient (no PHI)")
public record ConsentView(
        @Schema(description = "blind index of the patient's number") String patientRef,
        @Schema(description = "current state per practice number; a number not listed never heard STOP")
        List<Current> current,
        @Schema(description = "every change, oldest first") List<Change> history) {

    @Schema(name = "ConsentCurrent")
    public record Current(String practiceNumber, ConsentState state, Instant changedAt,
            @Schema(description = "id of the inbound message event that made the change") String sourceEventId) {
    }

    @Schema(name = "ConsentChange")
    public record Change(String practiceNumber, ConsentState fromState, ConsentState toState,
            @Schema(description = "the keyword as recognised, e.g. stop, opt out, start") String keyword,
            String sourceEventId, Instant changedAt) {
    }
}
