package org.celltrial.common.review;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.audit.AuditAction;
import org.celltrial.common.audit.AuditTrail;
import org.celltrial.common.problem.ProblemException;
import org.celltrial.common.record.PatientRecord;
import org.celltrial.common.review.SourceVerificationViews.SiteProgress;
import org.celltrial.common.review.SourceVerificationViews.Verification;
import org.celltrial.common.review.SourceVerificationViews.VerifiedRecord;
import org.celltrial.common.review.SourceVerificationViews.VerifyRecords;
import org.celltrial.common.security.Caller;
import org.celltrial.common.security.SiteScope;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Source data verification (docs/data-review.md): a monitor marks records as verified against the source
 * documents; a change or void of a record clears its mark ({@link RecordReview}). Both are audited.
 */
@ApplicationScoped
public class SourceVerificationService {

    @Inject
    SourceVerificationRepository verifications;

    @Inject
    ReviewedRecordRepository records;

    @Inject
    AuditTrail audit;

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    @WithTransaction
    public Uni<Verification> verify(UUID patientId, VerifyRecords request) {
        boolean all = Boolean.TRUE.equals(request.all());
        boolean listed = request.records() != null && !request.records().isEmpty();
        if (all == listed) {
            throw ProblemException.invalid("records", "name the records verified, or send all: true (not both)");
        }
        Uni<List<Map.Entry<String, PatientRecord>>> chosen = all ? records.currentOf(patientId)
                : Multi.createFrom().iterable(request.records())
                        .onItem().transformToUniAndConcatenate(ref -> records
                                .find(patientId, ref.recordType(), ref.recordId())
                                .map(record -> Map.entry(ref.recordType(), record)))
                        .collect().asList();
        return chosen.flatMap(found -> {
            for (Map.Entry<String, PatientRecord> entry : found) {
                PatientRecord record = entry.getValue();
                if (!Caller.of(identity).maySeeSite(record.siteCode)) {
                    throw ProblemException.notFound("Patient " + patientId);
                }
                if (record.voided) {
                    throw ProblemException.conflict("Record " + record.id + " is void: nothing to verify");
                }
            }
            return Multi.createFrom().iterable(found)
                    .onItem().transformToUniAndConcatenate(entry -> mark(entry.getKey(), entry.getValue()))
                    .collect().asList()
                    .map(marks -> new Verification(patientId, (int) marks.stream().filter(Marked::added).count(),
                            marks.stream().map(Marked::mark).map(mark -> new VerifiedRecord(mark.recordType,
                                    mark.recordId, mark.verifiedAt, mark.verifiedBy)).toList()));
        });
    }

    /** Per site the caller may read, records verified out of those not void. */
    public Uni<List<SiteProgress>> progress(List<String> siteCodes) {
        SiteScope scope = SiteScope.of(Caller.of(identity), siteCodes);
        return records.currentBySite().flatMap(totals -> verifications.countBySite().map(rows -> {
            Map<String, Long> verified = new TreeMap<>();
            rows.forEach(row -> verified.put((String) row[0], (Long) row[1]));
            return totals.entrySet().stream().filter(site -> scope.covers(site.getKey())).map(site -> {
                long done = verified.getOrDefault(site.getKey(), 0L);
                return new SiteProgress(site.getKey(), done, site.getValue(),
                        Math.round(1000.0 * done / site.getValue()) / 10.0);
            }).toList();
        }));
    }

    /**
     * Clears the marks of changed records of one kind, those that had one, inside the change's transaction: verified
     * data that changed is no longer verified. The marks are read in one lookup by ID.
     */
    Uni<Void> clear(List<? extends PatientRecord> changed, String recordType) {
        return verifications.marksOf(changed.stream().map(record -> record.id).toList())
                .flatMap(marks -> Multi.createFrom().iterable(marks)
                        .onItem().transformToUniAndConcatenate(mark -> verifications.delete(mark)
                                .call(() -> audit.record(AuditAction.SOURCE_VERIFY_CLEAR, "SourceVerification",
                                        mark.recordId, view(mark), null, "the " + recordType + " record changed")))
                        .collect().last()
                        .replaceWithVoid());
    }

    private Uni<Marked> mark(String recordType, PatientRecord record) {
        return verifications.findById(record.id).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(new Marked(existing, false));
            }
            SourceVerification mark = new SourceVerification();
            mark.recordId = record.id;
            mark.recordType = recordType;
            mark.patientId = record.patientId;
            mark.siteCode = record.siteCode;
            mark.verifiedAt = clock.instant();
            mark.verifiedBy = Caller.of(identity).username();
            return verifications.persist(mark)
                    .call(() -> audit.record(AuditAction.SOURCE_VERIFY, "SourceVerification", record.id, null,
                            view(mark), null))
                    .map(persisted -> new Marked(mark, true));
        });
    }

    private static VerifiedRecord view(SourceVerification mark) {
        return new VerifiedRecord(mark.recordType, mark.recordId, mark.verifiedAt, mark.verifiedBy);
    }

    private record Marked(SourceVerification mark, boolean added) {
    }
}
