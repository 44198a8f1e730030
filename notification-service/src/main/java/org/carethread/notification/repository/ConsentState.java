package org.carethread.notification.repository;

/** Whether a patient accepts texts from one practice number. A patient nobody has heard STOP from is OPTED_IN. */
public enum ConsentState {
    OPTED_IN,
    OPTED_OUT
}
