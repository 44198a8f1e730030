package org.carethread.routing.service;

import java.util.List;

/** Input refused before anything is stored, field by field. */
public class InvalidFieldsException extends RuntimeException {
    private final transient List<FieldError> errors;

    public InvalidFieldsException(List<FieldError> errors) {
        super("invalid fields", null, false, false);
        this.errors = List.copyOf(errors);
    }

    public InvalidFieldsException(String field, String problem) {
        this(List.of(new FieldError(field, problem)));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
