package org.celltrial.safety.icaht;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.celltrial.common.enrollment.PatientGate;
import org.celltrial.common.problem.ProblemException;
import org.celltrial.safety.ctcae.Analyte;
import org.celltrial.safety.ctcae.LabRecord;
import org.celltrial.safety.ctcae.LabRepository;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** ICAHT from the patient's ANC and platelet results, dated from Day 0. */
@ApplicationScoped
public class IcahtService {

    private final IcahtGrader grader = new IcahtGrader();

    @Inject
    PatientGate patients;

    @Inject
    LabRepository labs;

    @ConfigProperty(name = "celltrial.safety.zone", defaultValue = "UTC")
    ZoneId zone;

    @WithSession
    public Uni<IcahtView> icaht(UUID patientId) {
        return patients.reference(patientId).flatMap(patient -> {
            if (patient.day0() == null) {
                throw ProblemException.conflict(patient.subjectId() + " has not been infused: ICAHT counts from Day 0");
            }
            return labs.ofPatient(patientId).map(all -> {
                List<CountSample> anc = samples(all, Analyte.ANC);
                return new IcahtView(patientId, patient.day0(), grader.early(anc, patient.day0()),
                        grader.late(anc, patient.day0()),
                        grader.earlyThrombocytopenia(samples(all, Analyte.PLT), patient.day0()));
            });
        });
    }

    private List<CountSample> samples(List<LabRecord> all, Analyte analyte) {
        return all.stream().filter(lab -> lab.analyte == analyte)
                .map(lab -> new CountSample(lab.at.atZone(zone).toLocalDate(), lab.value)).toList();
    }
}
