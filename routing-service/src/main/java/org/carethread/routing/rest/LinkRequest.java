package org.carethread.routing.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Link a sender to a patient: the sender as the blind index messages carry, or as their phone number or e-mail. */
@Schema(name = "LinkRequest")
public record LinkRequest(
        @Schema(description = "The sender's patientRef, as on the message; or give 'address'") String patientRef,
        @Schema(description = "The sender's phone number or e-mail address, instead of patientRef") String address,
        @Schema(required = true, examples = "north") String locationCode,
        @Schema(required = true, description = "The directory patient's id") String patientId) {
}
