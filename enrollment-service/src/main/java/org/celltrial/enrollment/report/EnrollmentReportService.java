package org.celltrial.enrollment.report;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.security.SiteScope;
import org.celltrial.enrollment.access.PatientAccess;
import org.celltrial.enrollment.site.SiteRepository;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** The study demographics of the sites the caller may see, at a cut-off date. */
@ApplicationScoped
public class EnrollmentReportService {

    private final EnrollmentFigures demographics = new EnrollmentFigures();

    @Inject
    PatientAccess access;

    @Inject
    DemographicsRepository demographicFacts;

    @Inject
    SiteRepository sites;

    /**
     * The demographics of the sites asked for (every site when none), narrowed to an investigator's or monitor's
     * own sites; {@code siteCodes} of the answer names the sites it covers.
     */
    @WithSession
    public Uni<EnrollmentSummary> summary(LocalDate asOf, List<String> siteCodes) {
        SiteScope scope = SiteScope.of(access.caller(), siteCodes);
        return coveredSites(scope).flatMap(covered -> facts(asOf, scope)
                .map(facts -> demographics.summarise(asOf, covered, facts)));
    }

    private Uni<List<String>> coveredSites(SiteScope scope) {
        if (!scope.everySite()) {
            return Uni.createFrom().item(List.copyOf(scope.sites()));
        }
        return sites.listAll(Sort.by("code")).map(all -> all.stream().map(site -> site.code).toList());
    }

    /** The facts of every patient consented by the cut-off, in one query. */
    private Uni<List<DemographicFacts>> facts(LocalDate asOf, SiteScope scope) {
        if (scope.coversNone()) {
            return Uni.createFrom().item(List.of());
        }
        return demographicFacts.consentedBy(asOf, scope.sites());
    }
}
