package org.celltrial.efficacy.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import org.celltrial.common.enrollment.PatientReference;
import org.celltrial.common.enrollment.PatientReference.Therapy;
import org.celltrial.common.enrollment.ProtocolReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A kept summary row is used only while this digest is unchanged: every input the row reads must change it. */
class SummaryInputsTest {

    private static final UUID ID = UUID.fromString("7f1c1d2e-0000-4000-8000-000000000001");
    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 15);
    private static final Therapy IVIG = new Therapy("RESCUE", "IVIG", "IVIG", BigDecimal.ONE, "g/kg",
            LocalDate.of(2025, 3, 1), null);
    private static final PatientReference PATIENT = new PatientReference(ID, "CT-SITE-01-001", "SITE-01", "F",
            LocalDate.of(2014, 2, 1), 11, LocalDate.of(2025, 1, 10), LocalDate.of(2025, 1, 5), new BigDecimal("32.0"),
            new BigDecimal("8"), "INFUSED", List.of(IVIG), "DL1");
    private static final String PROTOCOL = protocol(1, 30);

    private final SummaryInputs inputs = new SummaryInputs("code A", BigDecimal.ONE);
    private final String digest = inputs.of(PATIENT, PROTOCOL, AS_OF, AS_OF);

    @Test
    void theSameInputsGiveTheSameDigestAndItIsASha256() {
        assertEquals(digest, new SummaryInputs("code A", BigDecimal.ONE).of(PATIENT, protocol(1, 30), AS_OF, AS_OF));
        assertTrue(digest.matches("[0-9a-f]{64}"), digest);
    }

    static List<UnaryOperator<PatientReference>> changesTheRowReads() {
        return List.of(
                patient -> with(patient, "CT-SITE-01-002", patient.siteCode(), patient.day0(),
                        patient.baselinePlateletCountPer1e9L(), patient.therapies()),
                patient -> with(patient, patient.subjectId(), "SITE-02", patient.day0(),
                        patient.baselinePlateletCountPer1e9L(), patient.therapies()),
                patient -> with(patient, patient.subjectId(), patient.siteCode(), LocalDate.of(2025, 1, 11),
                        patient.baselinePlateletCountPer1e9L(), patient.therapies()),
                patient -> with(patient, patient.subjectId(), patient.siteCode(), patient.day0(), new BigDecimal("9"),
                        patient.therapies()),
                patient -> with(patient, patient.subjectId(), patient.siteCode(), patient.day0(),
                        patient.baselinePlateletCountPer1e9L(), List.of()),
                patient -> with(patient, patient.subjectId(), patient.siteCode(), patient.day0(),
                        patient.baselinePlateletCountPer1e9L(), List.of(new Therapy("RESCUE", "IVIG", "IVIG",
                                BigDecimal.ONE, "g/kg", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 2)))),
                patient -> with(patient, patient.subjectId(), patient.siteCode(), patient.day0(),
                        patient.baselinePlateletCountPer1e9L(), List.of(IVIG, new Therapy("SUBSEQUENT", "romiplostim",
                                "TPO_RA", BigDecimal.ONE, "ug/kg", LocalDate.of(2025, 4, 1), null))));
    }

    @ParameterizedTest
    @MethodSource("changesTheRowReads")
    void anyChangeOfWhatTheRowReadsOfTheReferenceChangesTheDigest(UnaryOperator<PatientReference> change) {
        assertNotEquals(digest, inputs.of(change.apply(PATIENT), PROTOCOL, AS_OF, AS_OF));
    }

    @Test
    void theProtocolTheCutOffTheThresholdAndTheCodeChangeTheDigest() {
        assertNotEquals(digest, inputs.of(PATIENT, protocol(2, 30), AS_OF, AS_OF));
        assertNotEquals(digest, inputs.of(PATIENT, protocol(1, 50), AS_OF, AS_OF));
        assertNotEquals(digest, inputs.of(PATIENT, PROTOCOL, AS_OF.plusDays(1), AS_OF.plusDays(1)));
        // without a cut-off date (every count) against the same day given as the cut-off
        assertNotEquals(digest, inputs.of(PATIENT, PROTOCOL, null, AS_OF));
        assertNotEquals(digest, new SummaryInputs("code A", new BigDecimal("2")).of(PATIENT, PROTOCOL, AS_OF, AS_OF));
        assertNotEquals(digest, new SummaryInputs("code B", BigDecimal.ONE).of(PATIENT, PROTOCOL, AS_OF, AS_OF));
    }

    /** A sponsor's reference has no birth date: the row is the same, so is the digest (no recomputing per caller). */
    @Test
    void whatTheRowDoesNotReadLeavesTheDigest() {
        PatientReference forSponsor = new PatientReference(ID, PATIENT.subjectId(), PATIENT.siteCode(), "F", null, 11,
                PATIENT.day0(), PATIENT.lymphodepletionStart(), PATIENT.weightKg(),
                PATIENT.baselinePlateletCountPer1e9L(), "FOLLOW_UP", PATIENT.therapies(), "DL1");
        assertEquals(digest, inputs.of(forSponsor, PROTOCOL, AS_OF, AS_OF));
    }

    @Test
    void theRunningCodeIsDigestedTheSameEachTime() {
        List<Class<?>> code = List.of(SummaryInputs.class, PatientReference.class);
        assertEquals(SummaryInputs.codeDigest(code), SummaryInputs.codeDigest(code));
    }

    private static PatientReference with(PatientReference patient, String subjectId, String siteCode, LocalDate day0,
            BigDecimal baseline, List<Therapy> therapies) {
        return new PatientReference(patient.id(), subjectId, siteCode, patient.sex(), patient.birthDate(),
                patient.ageAtInfusionYears(), day0, patient.lymphodepletionStart(), patient.weightKg(), baseline,
                patient.status(), therapies, patient.doseLevel());
    }

    /** A protocol as the summary writes it out for the digest. */
    private static String protocol(int version, int responsePer1e9L) {
        return String.valueOf(new ProtocolReference(version, null, new ProtocolReference.EfficacyResponse(
                new BigDecimal("100"), new BigDecimal(responsePer1e9L), new BigDecimal("2"), 7, true, 1, 2, false,
                Map.of("IVIG", new ProtocolReference.ExposureWindow(28, "ANY_DOSE")))));
    }
}
