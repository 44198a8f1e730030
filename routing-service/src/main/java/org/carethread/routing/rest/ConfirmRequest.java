package org.carethread.routing.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Which of an identity review's candidates wrote. */
@Schema(name = "ConfirmRequest")
public record ConfirmRequest(@Schema(required = true, description = "One of the review's candidates") String patientId) {
}
