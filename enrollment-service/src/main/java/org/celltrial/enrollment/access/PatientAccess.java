package org.celltrial.enrollment.access;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.problem.ProblemException;
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
    PatientRepository patients;

    @Inject
    SecurityIdentity identity;

    public Caller caller() {
        return Caller.of(identity);
    }

    public Uni<Patient> visible(UUID id) {
        Caller caller = caller();
        return patients.findById(id).map(patient -> {
            if (patient == null || !caller.maySeeSite(patient.siteCode)) {
                throw ProblemException.notFound("Patient " + id);
            }
            return patient;
        });
    }

    /** As {@link #visible}, locked for this transaction: for writes that move the patient's state. */
    public Uni<Patient> visibleForUpdate(UUID id) {
        Caller caller = caller();
        return patients.findForUpdate(id).map(patient -> {
            if (patient == null || !caller.maySeeSite(patient.siteCode)) {
                throw ProblemException.notFound("Patient " + id);
            }
            return patient;
        });
    }

    /** A site the caller may act on, or a 404 for it. */
    public void requireSite(String siteCode) {
        if (!caller().maySeeSite(siteCode)) {
            throw ProblemException.notFound("Site " + siteCode);
        }
    }
}
