package org.celltrial.common.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.audit.AuditAction;
import org.celltrial.common.audit.AuditTrail;
import org.celltrial.common.enrollment.PatientGate;
import org.celltrial.common.enrollment.PatientReference;
import org.celltrial.common.problem.ProblemException;
import org.celltrial.common.problem.ProblemType;
import org.celltrial.common.record.PatientRecord;
import org.celltrial.common.review.SignatureViews.Sign;
import org.celltrial.common.review.SignatureViews.SignatureView;
import org.celltrial.common.security.Caller;
import org.celltrial.common.security.Roles;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Investigators' casebook signatures (docs/data-review.md, Signatures; 21 CFR Part 11 §11.50, §11.200): the signer's
 * username and printed name, the time, the meaning, and a sign-in fresh enough ({@link SignatureFreshness}). A later
 * change to data dated within a signature's period invalidates it ({@link RecordReview}); it is kept and audited.
 */
@ApplicationScoped
public class SignatureService {

    @Inject
    SignatureRepository signatures;

    @Inject
    PatientGate patients;

    @Inject
    AuditTrail audit;

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    @ConfigProperty(name = "celltrial.review.signature-max-auth-age", defaultValue = "PT5M")
    Duration maxAuthAge;

    @ConfigProperty(name = "celltrial.study-zone", defaultValue = "UTC")
    ZoneId studyZone;

    public Uni<SignatureView> sign(UUID patientId, Sign request) {
        Caller caller = Caller.of(identity);
        if (request.signedThrough().isAfter(LocalDate.now(clock.withZone(studyZone)))) {
            throw ProblemException.invalid("signedThrough", "must not be after today");
        }
        // the patient before the transaction: no connection held while enrollment-service answers
        return patients.reference(patientId).flatMap(patient -> {
            requireInvestigatorOf(caller, patient);
            Instant authenticatedAt = authTime();
            String stale = SignatureFreshness.refusal(authenticatedAt, clock.instant(), maxAuthAge);
            if (stale != null) {
                throw new ProblemException(ProblemType.REAUTHENTICATION_REQUIRED,
                        "Signing needs a fresh sign-in: " + stale + ". Sign in again and sign.");
            }
            return Panache.withTransaction(() -> signed(patient, request, caller, authenticatedAt));
        });
    }

    public Uni<List<SignatureView>> ofPatient(UUID patientId) {
        return signatures.ofPatient(patientId)
                .call(found -> patients.readable(patientId, found.isEmpty() ? null : found.get(0).siteCode))
                .map(found -> found.stream().map(SignatureView::of).toList());
    }

    /**
     * Inside a change's transaction: every valid signature whose period holds a record's date is invalidated, for
     * records of different patients (at most one a patient: the one to name) read in one query.
     */
    Uni<Void> invalidateCovering(List<? extends PatientRecord> changed, String recordType) {
        Map<UUID, PatientRecord> byPatient = changed.stream()
                .collect(Collectors.toMap(record -> record.patientId, record -> (PatientRecord) record));
        LocalDate earliest = changed.stream().map(record -> record.dataDate(studyZone)).min(Comparator.naturalOrder())
                .orElseThrow();
        return signatures.validCovering(byPatient.keySet(), earliest).flatMap(found -> Multi.createFrom()
                .iterable(found)
                .onItem().transformToUniAndConcatenate(signature -> {
                    PatientRecord record = byPatient.get(signature.patientId);
                    LocalDate dataDate = record.dataDate(studyZone);
                    // Skipped: one through an earlier date (it covers another patient's record), and one this
                    // transaction has invalidated already (a batch flushes at its end, so the query still finds it).
                    if (signature.signedThrough.isBefore(dataDate) || signature.invalidatedAt != null) {
                        return Uni.createFrom().voidItem();
                    }
                    SignatureView before = SignatureView.of(signature);
                    signature.invalidatedAt = clock.instant();
                    signature.invalidatedByRecord = record.id;
                    signature.invalidationReason = "the " + recordType + " record of " + dataDate
                            + " changed after signing";
                    return audit.record(AuditAction.SIGNATURE_INVALIDATE, "CasebookSignature", signature.id, before,
                            SignatureView.of(signature), signature.invalidationReason).replaceWithVoid();
                })
                .collect().last().replaceWithVoid());
    }

    private Uni<SignatureView> signed(PatientReference patient, Sign request, Caller caller, Instant authenticatedAt) {
        UUID id = request.id() != null ? request.id() : UUID.randomUUID();
        return signatures.findById(id).flatMap(existing -> {
            if (existing != null) {
                if (existing.patientId.equals(patient.id()) && existing.signer.equals(caller.username())
                        && existing.signedThrough.equals(request.signedThrough())
                        && existing.meaning.equals(request.meaning())) {
                    return Uni.createFrom().item(SignatureView.of(existing));
                }
                throw ProblemException.conflict("Signature " + id + " exists with other facts");
            }
            CasebookSignature signature = new CasebookSignature();
            signature.id = id;
            signature.patientId = patient.id();
            signature.siteCode = patient.siteCode();
            signature.subjectId = patient.subjectId();
            signature.signedThrough = request.signedThrough();
            signature.meaning = request.meaning();
            signature.signer = caller.username();
            signature.signerName = printedName(caller);
            signature.signedAt = clock.instant();
            signature.authenticatedAt = authenticatedAt;
            return signatures.persist(signature).call(signatures::flush).map(SignatureView::of)
                    .call(view -> audit.record(AuditAction.SIGN, "CasebookSignature", id, null, view,
                            request.meaning()));
        });
    }

    /** Only an investigator of the patient's site signs its casebook: 404 where the site is hidden, else 403. */
    private static void requireInvestigatorOf(Caller caller, PatientReference patient) {
        if (!caller.maySeeSite(patient.siteCode())) {
            throw ProblemException.notFound("Patient " + patient.id());
        }
        if (!caller.hasRole(Roles.INVESTIGATOR) || !caller.sites().contains(patient.siteCode())) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "Only an investigator of site " + patient.siteCode() + " signs its patients' casebooks");
        }
    }

    private Instant authTime() {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            // a number, or a JSON number whose text is one; a missing claim may read as 0
            Object claim = token.getClaim("auth_time");
            if (claim != null) {
                try {
                    long seconds = claim instanceof Number number ? number.longValue()
                            : Long.parseLong(claim.toString().trim());
                    return seconds > 0 ? Instant.ofEpochSecond(seconds) : null;
                } catch (NumberFormatException unreadable) {
                    return null;
                }
            }
        }
        return null;
    }

    /** The signer's printed name (§11.50(a)(1)): the token's name, else the username. */
    private String printedName(Caller caller) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object name = token.getClaim("name");
            if (name != null && !Objects.toString(name).isBlank()) {
                return Objects.toString(name).replaceAll("^\"|\"$", "");
            }
        }
        return caller.username();
    }
}
