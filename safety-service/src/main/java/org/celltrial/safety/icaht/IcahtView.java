package org.celltrial.safety.icaht;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A patient's hematotoxicity: early and late neutrophil ICAHT (EHA/EBMT 2023) and early and late T-ICAHT from
 * platelets (2025), each with its rule and explanation (docs/clinical-rules.md, "Hematotoxicity").
 *
 * @param early                 neutrophils, days 0–30
 * @param late                  neutrophils, after day 30
 * @param thrombocytopeniaEarly platelets, days 0–30
 * @param thrombocytopeniaLate  platelets, days 31–100
 * @param engine                the grader and its version ({@link IcahtGrader#VERSION})
 */
public record IcahtView(UUID patientId, LocalDate day0, IcahtGrade early, IcahtGrade late,
        IcahtGrade thrombocytopeniaEarly, IcahtGrade thrombocytopeniaLate, String engine) {
}
