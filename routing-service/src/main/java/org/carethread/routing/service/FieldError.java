package org.carethread.routing.service;

/**
 * What is wrong with one field of a request or an imported row. {@code problem} says what to do and never repeats
 * the value: values are PHI.
 */
public record FieldError(String field, String problem) {
}
