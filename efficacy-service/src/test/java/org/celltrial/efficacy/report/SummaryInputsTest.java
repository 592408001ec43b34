package org.celltrial.efficacy.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.celltrial.common.enrollment.PatientReference;
import org.celltrial.common.enrollment.ProtocolReference;
import org.junit.jupiter.api.Test;

/**
 * A kept summary row is used only while this digest is unchanged: every input the row reads must change it. What the
 * row reads of enrollment's reference is in the digest as the reference's revision, which enrollment raises at every
 * change of it (enrollment-service's ReferenceRevisionsTest).
 */
class SummaryInputsTest {

    private static final UUID ID = UUID.fromString("7f1c1d2e-0000-4000-8000-000000000001");
    private static final long REVISION = 41;
    private static final LocalDate AS_OF = LocalDate.of(2025, 6, 15);
    private static final String PROTOCOL = protocol(1, 30);

    private final SummaryInputs inputs = new SummaryInputs("code A", BigDecimal.ONE);
    private final String digest = inputs.at(PROTOCOL, AS_OF, AS_OF).of(ID, REVISION);

    @Test
    void theSameInputsGiveTheSameDigestAndItIsASha256() {
        assertEquals(digest, new SummaryInputs("code A", BigDecimal.ONE).at(protocol(1, 30), AS_OF, AS_OF)
                .of(ID, REVISION));
        assertTrue(digest.matches("[0-9a-f]{64}"), digest);
    }

    @Test
    void anotherPatientOrANewRevisionOfItsReferenceChangesTheDigest() {
        SummaryInputs.Rows rows = inputs.at(PROTOCOL, AS_OF, AS_OF);
        assertNotEquals(digest, rows.of(UUID.fromString("7f1c1d2e-0000-4000-8000-000000000002"), REVISION));
        assertNotEquals(digest, rows.of(ID, REVISION + 1));
    }

    @Test
    void theProtocolTheCutOffTheThresholdAndTheCodeChangeTheDigest() {
        assertNotEquals(digest, inputs.at(protocol(2, 30), AS_OF, AS_OF).of(ID, REVISION));
        assertNotEquals(digest, inputs.at(protocol(1, 50), AS_OF, AS_OF).of(ID, REVISION));
        assertNotEquals(digest, inputs.at(PROTOCOL, AS_OF.plusDays(1), AS_OF.plusDays(1)).of(ID, REVISION));
        // without a cut-off date (every count) against the same day given as the cut-off
        assertNotEquals(digest, inputs.at(PROTOCOL, null, AS_OF).of(ID, REVISION));
        assertNotEquals(digest, new SummaryInputs("code A", new BigDecimal("2")).at(PROTOCOL, AS_OF, AS_OF)
                .of(ID, REVISION));
        assertNotEquals(digest, new SummaryInputs("code B", BigDecimal.ONE).at(PROTOCOL, AS_OF, AS_OF)
                .of(ID, REVISION));
    }

    @Test
    void theRunningCodeIsDigestedTheSameEachTime() {
        List<Class<?>> code = List.of(SummaryInputs.class, PatientReference.class);
        assertEquals(SummaryInputs.codeDigest(code), SummaryInputs.codeDigest(code));
    }

    /** A protocol as the summary writes it out for the digest. */
    private static String protocol(int version, int responsePer1e9L) {
        return String.valueOf(new ProtocolReference(version, null, new ProtocolReference.EfficacyResponse(
                new BigDecimal("100"), new BigDecimal(responsePer1e9L), new BigDecimal("2"), 7, true, 1, 2, false,
                Map.of("IVIG", new ProtocolReference.ExposureWindow(28, "ANY_DOSE")))));
    }
}
