package org.celltrial.enrollment.access;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
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

    /**
     * The sites a listing or report covers: those asked for (every site when none), narrowed to the caller's own
     * sites for an investigator or monitor; sites outside them are left out rather than refused. Null means every
     * site.
     */
    public Set<String> sitesToShow(List<String> requested) {
        Caller caller = caller();
        Set<String> asked = requested == null || requested.isEmpty() ? null : new TreeSet<>(requested);
        if (!caller.isSiteRestricted()) {
            return asked;
        }
        Set<String> allowed = new TreeSet<>(caller.sites());
        if (asked != null) {
            allowed.retainAll(asked);
        }
        return allowed;
    }

    /** A site the caller may act on, or a 404 for it. */
    public void requireSite(String siteCode) {
        if (!caller().maySeeSite(siteCode)) {
            throw ProblemException.notFound("Site " + siteCode);
        }
    }
}
