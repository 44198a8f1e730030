package org.carethread.conversation.service;

import org.carethread.schemas.staff.StaffMember;

/**
 * Who made a change to a conversation, as its history shows it.
 *
 * @param id   the staff member's Keycloak subject; null when the patient or the service itself made the change
 * @param name the staff member's username, or {@code patient} / {@code system}
 */
public record ChangeActor(String id, String name) {
    public static final ChangeActor PATIENT = new ChangeActor(null, "patient");
    public static final ChangeActor SYSTEM = new ChangeActor(null, "system");

    public static ChangeActor of(StaffMember staff) {
        return new ChangeActor(staff.id(), staff.name());
    }
}
