package org.celltrial.safety.icaht;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.enrollment.PatientGate;
import org.celltrial.common.enrollment.PatientReference;
import org.celltrial.common.problem.ProblemException;
import org.celltrial.safety.ae.AdverseEvent;
import org.celltrial.safety.ae.AdverseEventRepository;
import org.celltrial.safety.ctcae.Analyte;
import org.celltrial.safety.ctcae.LabRecord;
import org.celltrial.safety.ctcae.LabRepository;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;

/**
 * ICAHT from every ANC and platelet result of the patient, those before Day 0 included (the last one holds into Day
 * 0), dated from Day 0; counting stops at the first subsequent line of therapy or at death (docs/clinical-rules.md,
 * "Hematotoxicity").
 */
@ApplicationScoped
public class IcahtService {

    private static final String SUBSEQUENT_THERAPY = "SUBSEQUENT";

    private final IcahtGrader grader = new IcahtGrader();

    @Inject
    PatientGate patients;

    @Inject
    LabRepository labs;

    @Inject
    AdverseEventRepository adverseEvents;

    @ConfigProperty(name = "celltrial.safety.zone", defaultValue = "UTC")
    ZoneId zone;

    /** No session here: enrollment answers first, then the repositories read in their own sessions. */
    public Uni<IcahtView> icaht(UUID patientId) {
        return patients.reference(patientId).flatMap(patient -> {
            if (patient.day0() == null) {
                throw ProblemException.conflict(patient.subjectId() + " has not been infused: ICAHT counts from Day 0");
            }
            LocalDate day0 = patient.day0();
            return labs.ofPatient(patientId).flatMap(all -> adverseEvents.fatal(patientId).map(fatal -> {
                CountingStop stop = CountingStop.earliest(firstSubsequentTherapyStart(patient), death(fatal))
                        .orElse(null);
                List<CountSample> anc = samples(all, Analyte.ANC);
                List<CountSample> platelets = samples(all, Analyte.PLT);
                return new IcahtView(patientId, day0, grader.early(anc, day0, stop), grader.late(anc, day0, stop),
                        grader.thrombocytopeniaEarly(platelets, day0, stop),
                        grader.thrombocytopeniaLate(platelets, day0, stop), IcahtGrader.VERSION);
            }));
        });
    }

    private static LocalDate firstSubsequentTherapyStart(PatientReference patient) {
        return patient.therapies().stream()
                .filter(therapy -> SUBSEQUENT_THERAPY.equals(therapy.kind()))
                .map(PatientReference.Therapy::start)
                .filter(Objects::nonNull)
                .min(Comparator.naturalOrder())
                .orElse(null);
    }

    /**
     * The date of death: a fatal event's end date (SDTM's AEENDTC of a fatal event is the date of death), or its
     * onset where no end date is recorded.
     */
    private static LocalDate death(List<AdverseEvent> fatal) {
        return fatal.stream()
                .map(event -> event.resolvedOn != null ? event.resolvedOn : event.onset)
                .min(Comparator.naturalOrder())
                .orElse(null);
    }

    private List<CountSample> samples(List<LabRecord> all, Analyte analyte) {
        return all.stream().filter(lab -> lab.analyte == analyte)
                .map(lab -> new CountSample(lab.at.atZone(zone).toLocalDate(), lab.value)).toList();
    }
}
