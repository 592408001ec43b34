package org.celltrial.common.review;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.record.PatientRecord;
import org.celltrial.common.record.VoidableRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Multi;
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
     * Before a person creates these records, of one site or several (a batch): 423 if any lies in a locked period. A
     * lock covers every date up to its cut-off, so it is enough to ask for each site's earliest.
     */
    public Uni<Void> requireOpen(List<? extends PatientRecord> created) {
        return Multi.createFrom().iterable(earliestBy(created, record -> record.siteCode))
                .onItem().transformToUniAndConcatenate(record -> requireOpen(record))
                .collect().last().replaceWithVoid();
    }

    /**
     * After new records, of one patient or many (a batch), were created: the signatures whose period holds one of a
     * patient's new dates are invalidated, by that patient's earliest record (a signature covers every date up to its
     * end, so those covering any of them cover the earliest), all patients' in one read. A new record has no source
     * verification to clear.
     */
    public Uni<Void> created(List<? extends PatientRecord> created) {
        if (created.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<PatientRecord> earliest = earliestBy(created, record -> record.patientId);
        return signatures.invalidateCovering(earliest, records.typeOf(earliest.get(0)));
    }

    /** The earliest record of each group, by its data date. */
    private <K> List<PatientRecord> earliestBy(List<? extends PatientRecord> created,
            Function<PatientRecord, K> group) {
        return List.copyOf(created.stream().collect(Collectors.toMap(group, record -> (PatientRecord) record,
                BinaryOperator.minBy(Comparator.comparing(record -> record.dataDate(studyZone))), LinkedHashMap::new))
                .values());
    }

    /** After the record was corrected or voided. */
    public Uni<Void> changed(PatientRecord record) {
        return changed(List.of(record));
    }

    /**
     * After records of one kind, of one patient or many, were corrected or voided (a regrade's derived events): their
     * source verifications cleared and the signatures covering each patient's earliest of them invalidated, one read
     * each for all of them, not two a record (docs/performance.md, run 41).
     */
    public Uni<Void> changed(List<? extends PatientRecord> changed) {
        if (changed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String type = records.typeOf(changed.get(0));
        return verifications.clear(changed, type)
                .call(() -> signatures.invalidateCovering(earliestBy(changed, record -> record.patientId), type));
    }
}
