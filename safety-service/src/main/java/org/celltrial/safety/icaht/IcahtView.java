package org.celltrial.safety.icaht;

import java.time.LocalDate;
import java.util.UUID;

/** Early and late neutrophil ICAHT (EHA/EBMT) and, beside them, the platelet version (a protocol convention). */
public record IcahtView(UUID patientId, LocalDate day0, IcahtGrade early, IcahtGrade late,
        IcahtGrade earlyThrombocytopenia) {
}
