package org.carethread.routing.triage;

/** What a patient's message is about, in the words the practice's queues use. */
public enum Category {
    SCHEDULING("scheduling"),
    /** Cancelling or rescheduling an appointment the patient already has. */
    CANCELLATION("cancellation"),
    REFILL("refill"),
    BILLING("billing"),
    TEST_RESULTS("test-results"),
    RECORDS_FORMS("records-forms"),
    /** Symptoms, medicines, care questions; every emergency is one. */
    CLINICAL_QUESTION("clinical-question"),
    /** General and administrative: hours, address, portal, thanks. */
    GENERAL("general");

    private final String code;

    Category(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Category fromCode(String code) {
        for (Category category : values()) {
            if (category.code.equals(code)) {
                return category;
            }
        }
        throw new IllegalArgumentException("Unknown category code: " + code);
    }
}
