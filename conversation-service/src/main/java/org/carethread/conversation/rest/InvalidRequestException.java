package org.carethread.conversation.rest;

/** Input the API refuses before it reaches the database or Kafka; the message is shown to the caller. */
public class InvalidRequestException extends RuntimeException {
    public InvalidRequestException(String detail) {
        super(detail, null, false, false);
    }
}
