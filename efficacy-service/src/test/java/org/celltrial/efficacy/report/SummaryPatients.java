package org.celltrial.efficacy.report;

import java.util.UUID;

import org.celltrial.testing.EnrollmentStub;

/** SITE-01 patients as enrollment (played by WireMock) answers them in the summary's tests. */
final class SummaryPatients {

    private SummaryPatients() {
    }

    /**
     * A patient infused on 2025-01-10 with a baseline of 8×10⁹/L and an IVIG rescue from {@code rescueStart}, then the
     * therapies given as JSON ({@code ",{...}"}, or empty), registered with the stub.
     */
    static UUID infused(String rescueStart, String moreTherapies) {
        UUID patient = UUID.randomUUID();
        EnrollmentStub.reference(patient, reference(patient, rescueStart, moreTherapies));
        return patient;
    }

    static String reference(UUID patient, String rescueStart, String moreTherapies) {
        return """
                {"id":"%s","subjectId":"%s","siteCode":"SITE-01","sex":"F","ageAtInfusionYears":11,
                 "day0":"2025-01-10","weightKg":32.0,"baselinePlateletCountPer1e9L":8,"priorTherapyCount":4,
                 "status":"INFUSED","doseLevel":"DL1",
                 "therapies":[{"id":"%s","kind":"RESCUE","agent":"IVIG","category":"IVIG","doseValue":1,
                   "doseUnit":"g/kg","start":"%s","version":0}%s]}
                """.formatted(patient, subject(patient), UUID.randomUUID(), rescueStart, moreTherapies);
    }

    /** Unique among the tests' patients (a subject ID holds at most 40 characters). */
    static String subject(UUID patient) {
        return "CT-SITE-01-" + patient.toString().substring(0, 13);
    }
}
