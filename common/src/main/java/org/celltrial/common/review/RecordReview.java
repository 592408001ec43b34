package org.celltrial.common.review;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.record.PatientRecord;
import org.celltrial.common.record.VoidableRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;

/**
 * What review asks of every change to a clinical record, inside the change's transaction (docs/data-review.md):
 * a person's write into a locked period is refused ({@link #requireOpen}); any change, a person's or a regrade's,
 * clears the record's source verification and invalidates the signatures whose period holds its date
 * ({@link #changed}).
 */
@ApplicationScoped
public class RecordReview {

    @Inject
    DataLockService locks;

    @Inject
    SourceVerificationService verifications;

    @Inject
    SignatureService signatures;

    @Inject
    ReviewedRecordRepository records;

    @ConfigProperty(name = "celltrial.study-zone", defaultValue = "UTC")
    ZoneId studyZone;

    /** Before a person creates, corrects or voids the record: 423 if its date lies in a locked period. */
    public Uni<Void> requireOpen(PatientRecord record) {
        return requireOpen(record.siteCode, record);
    }

    /** The same, for a record that does not carry its site (enrollment-service's: the patient's is given). */
    public Uni<Void> requireOpen(String siteCode, VoidableRecord record) {
        return requireOpen(siteCode, record.dataDate(studyZone));
    }

    /** Before a person writes data of the site dated that day. */
    public Uni<Void> requireOpen(String siteCode, LocalDate dataDate) {
        return locks.requireOpen(siteCode, dataDate);
    }

    /**
     * Before a person creates these records of one site: 423 if any lies in a locked period. A lock covers every date
     * up to its cut-off, so it is enough to ask for the earliest.
     */
    public Uni<Void> requireOpen(List<? extends PatientRecord> created) {
        PatientRecord earliest = earliest(created);
        return requireOpen(earliest.siteCode, earliest);
    }

    /**
     * After new records of one patient were created: the signatures whose period holds one of their dates are
     * invalidated, by the earliest record (a signature covers every date up to its end, so those covering any of them
     * cover the earliest). A new record has no source verification to clear.
     */
    public Uni<Void> created(List<? extends PatientRecord> created) {
        PatientRecord earliest = earliest(created);
        return signatures.invalidateCovering(earliest, records.typeOf(earliest), earliest.dataDate(studyZone));
    }

    private PatientRecord earliest(List<? extends PatientRecord> created) {
        return created.stream().min(Comparator.comparing(record -> record.dataDate(studyZone))).orElseThrow();
    }

    /** After the record was corrected or voided. */
    public Uni<Void> changed(PatientRecord record) {
        String type = records.typeOf(record);
        return verifications.clear(record, type)
                .call(() -> signatures.invalidateCovering(record, type, record.dataDate(studyZone)));
    }
}
