/**
 * Event payloads (the CloudEvents {@code data}). A field whose name starts with {@code sealed} holds PHI as
 * {@link org.carethread.schemas.crypto.PhiCipher} ciphertext, never plain text; {@code patientRef} is the blind
 * index of the patient's address, safe to use as a Kafka key and for equality look-ups.
 */
package org.carethread.schemas.events;
