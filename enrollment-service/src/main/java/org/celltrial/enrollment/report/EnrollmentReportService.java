package org.celltrial.enrollment.report;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toList;
import static java.util.stream.Collectors.toMap;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BinaryOperator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.security.SiteScope;
import org.celltrial.enrollment.access.PatientAccess;
import org.celltrial.enrollment.infusion.Infusion;
import org.celltrial.enrollment.infusion.InfusionRepository;
import org.celltrial.enrollment.lymphodepletion.Administration;
import org.celltrial.enrollment.lymphodepletion.AdministrationRepository;
import org.celltrial.enrollment.patient.Patient;
import org.celltrial.enrollment.patient.PatientIdentity;
import org.celltrial.enrollment.patient.PatientIdentityRepository;
import org.celltrial.enrollment.patient.PatientRepository;
import org.celltrial.enrollment.patient.PriorTherapy;
import org.celltrial.enrollment.patient.PriorTherapyRepository;
import org.celltrial.enrollment.patient.TherapyCategory;
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
    PatientRepository patients;

    @Inject
    PatientIdentityRepository identities;

    @Inject
    PriorTherapyRepository priorTherapies;

    @Inject
    InfusionRepository infusions;

    @Inject
    AdministrationRepository administrations;

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

    /** The facts of every patient consented by the cut-off, read in one query per table, not per patient. */
    private Uni<List<DemographicFacts>> facts(LocalDate asOf, SiteScope scope) {
        if (scope.coversNone()) {
            return Uni.createFrom().item(List.of());
        }
        return patients.consentedBy(asOf, scope.sites()).flatMap(consented -> {
            if (consented.isEmpty()) {
                return Uni.createFrom().item(List.of());
            }
            List<UUID> ids = consented.stream().map(patient -> patient.id).toList();
            return identities.ofPatients(ids).flatMap(identityRows -> priorTherapies.ofPatients(ids)
                    .flatMap(therapyRows -> infusions.ofPatients(ids)
                            .flatMap(infusionRows -> administrations.dosesGivenTo(ids)
                                    .map(doseRows -> join(consented, identityRows, therapyRows, infusionRows,
                                            doseRows)))));
        });
    }

    private static List<DemographicFacts> join(List<Patient> consented, List<PatientIdentity> identityRows,
            List<PriorTherapy> therapyRows, List<Infusion> infusionRows, List<Administration> doseRows) {
        Map<UUID, LocalDate> birthDates = identityRows.stream()
                .collect(toMap(identity -> identity.patientId, identity -> identity.birthDate));
        Map<UUID, List<TherapyCategory>> categories = therapyRows.stream()
                .collect(groupingBy(therapy -> therapy.patientId, mapping(therapy -> therapy.category, toList())));
        Map<UUID, String> infusedLevels = infusionRows.stream()
                .collect(toMap(infusion -> infusion.patientId, infusion -> infusion.doseLevel));
        Map<UUID, LocalDate> firstDoses = doseRows.stream()
                .collect(toMap(dose -> dose.patientId, dose -> dose.givenOn,
                        BinaryOperator.minBy(Comparator.<LocalDate>naturalOrder())));
        return consented.stream().map(patient -> toFacts(patient, birthDates.get(patient.id),
                categories.getOrDefault(patient.id, List.of()), infusedLevels.get(patient.id),
                firstDoses.get(patient.id))).toList();
    }

    private static DemographicFacts toFacts(Patient patient, LocalDate birthDate, List<TherapyCategory> priorTherapies,
            String infusedDoseLevel, LocalDate firstLymphodepletionDose) {
        return new DemographicFacts(patient.subjectId, patient.siteCode, patient.sex, birthDate,
                patient.itpDiagnosisDate, patient.baselinePlateletCountPer1e9L, priorTherapies, patient.consentDate,
                patient.doseLevel, patient.day0, infusedDoseLevel, firstLymphodepletionDose);
    }
}
