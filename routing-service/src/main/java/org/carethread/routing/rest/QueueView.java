package org.carethread.routing.rest;

/** A queue as operators see it over HTTP. */
public record QueueView(String code, String name, String locationCode) {
}
