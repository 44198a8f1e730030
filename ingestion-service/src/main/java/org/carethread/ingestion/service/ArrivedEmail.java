package org.carethread.ingestion.service;

/**
 * What a mail arriving at a practice mailbox is: a patient's e-mail, or a mail system's report on an e-mail we sent
 * (a bounce, a delay notice, a delivery or read notification), which is never a patient's message.
 */
public sealed interface ArrivedEmail permits InboundEmail, DeliveryReport {
}
