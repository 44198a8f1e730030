package org.carethread.routing.rest;

/** A location as operators see it over HTTP. */
public record LocationView(String code, String name, String smsNumber, String emailAddress, String timeZone,
        String defaultQueue) {
}
