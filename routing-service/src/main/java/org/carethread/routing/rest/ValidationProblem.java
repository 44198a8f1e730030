package org.carethread.routing.rest;

import java.util.List;

import org.carethread.routing.service.FieldError;

/** A {@link Problem} with the fields at fault (an RFC 9457 extension member); never their values. */
public record ValidationProblem(String type, String title, int status, String detail, List<FieldError> errors) {
}
