package org.celltrial.enrollment.access;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.problem.ProblemException;
import org.celltrial.common.problem.ProblemType;
import org.celltrial.common.review.RecordReview;
import org.celltrial.common.security.Caller;
import org.celltrial.enrollment.patient.Patient;
import org.celltrial.enrollment.patient.PatientRepository;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Loads a patient for the caller, or answers 404 when it does not exist or belongs to a site the caller may
 * not see: the same answer for both, so a patient's existence does not leak across sites.
 */
@ApplicationScoped
public class PatientAccess {

    @Inject
    RecordReview review;

    @Inject
    PatientRepository patients;

    @Inject
    SecurityIdentity identity;

    public Caller caller() {
        return Caller.of(identity);
    }

    public Uni<Patient> visible(UUID id) {
        return patients.findById(id).map(patient -> requireVisible(id, patient));
    }

    /** The patient found under this ID (null: none), if the caller may see its site; else 404. */
    public Patient requireVisible(UUID id, Patient patient) {
        if (patient == null || !caller().maySeeSite(patient.siteCode)) {
            throw ProblemException.notFound("Patient " + id);
        }
        return patient;
    }

    /**
     * As {@link #visible}, locked for this transaction: for writes that move the patient's state, which only
     * investigators (at their sites) and data managers make ({@link Caller.Action#WRITE}). A patient the caller
     * may read but not write (an investigator who is also safety officer, at another site) is a 403.
     */
    public Uni<Patient> visibleForUpdate(UUID id) {
        Caller caller = caller();
        return patients.findForUpdate(id).map(patient -> {
            if (patient == null || !caller.maySeeSite(patient.siteCode)) {
                throw ProblemException.notFound("Patient " + id);
            }
            requireWrite(caller, patient.siteCode);
            return patient;
        });
    }

    /**
     * As {@link #visibleForUpdate(UUID)}, for a write of the patient's data dated that day: 423 when a database lock
     * in force covers the day at the patient's site (docs/data-review.md, Lock).
     */
    public Uni<Patient> visibleForUpdate(UUID id, LocalDate dataDate) {
        return visibleForUpdate(id).call(patient -> review.requireOpen(patient.siteCode, dataDate));
    }

    /** A site the caller may write patient data of: a 404 for a site it may not see, a 403 for one it only reads. */
    public void requireSite(String siteCode) {
        Caller caller = caller();
        if (!caller.maySeeSite(siteCode)) {
            throw ProblemException.notFound("Site " + siteCode);
        }
        requireWrite(caller, siteCode);
    }

    private static void requireWrite(Caller caller, String siteCode) {
        if (!caller.mayWriteSite(siteCode)) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "Your roles let you read but not write patient data of site " + siteCode);
        }
    }
}
