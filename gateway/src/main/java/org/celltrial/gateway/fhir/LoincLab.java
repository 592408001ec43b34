package org.celltrial.gateway.fhir;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/**
 * The LOINC codes CellTrial takes as lab results (docs/interoperability-intake.md), each with the analyte safety-service
 * grades it as and the UCUM unit it is sent in. Platelets also go to efficacy-service as a platelet count.
 */
public enum LoincLab {
    PLATELETS_AUTOMATED("777-3", "PLT", "10*9/L", null),
    PLATELETS("26515-7", "PLT", "10*9/L", null),
    NEUTROPHILS("751-8", "ANC", "10*9/L", null),
    LYMPHOCYTES("731-0", "LYM", "10*9/L", null),
    HEMOGLOBIN("718-7", "HGB", "g/dL", null),
    ALT("1742-6", "ALT", "U/L", null),
    AST("1920-8", "AST", "U/L", null),
    /** Bilirubin C33H36N4O6, 584.66 g/mol: 17.1 umol/L is 1 mg/dL. */
    BILIRUBIN("1975-2", "TBIL", "mg/dL", "584.66"),
    /** Creatinine C4H7N3O, 113.12 g/mol: 88.4 umol/L is 1 mg/dL. */
    CREATININE("2160-0", "CREAT", "mg/dL", "113.12"),
    FIBRINOGEN("3255-7", "FIB", "g/L", null);

    public static final String SYSTEM = "http://loinc.org";

    private final String code;
    private final String analyte;
    private final String unit;
    private final BigDecimal gramsPerMole;

    LoincLab(String code, String analyte, String unit, String gramsPerMole) {
        this.code = code;
        this.analyte = analyte;
        this.unit = unit;
        this.gramsPerMole = gramsPerMole == null ? null : new BigDecimal(gramsPerMole);
    }

    public static Optional<LoincLab> of(String code) {
        return Arrays.stream(values()).filter(lab -> lab.code.equals(code)).findFirst();
    }

    public String code() {
        return code;
    }

    /** The analyte as safety-service's lab API names it. */
    public String analyte() {
        return analyte;
    }

    /** The UCUM unit the value and its reference range are converted to before they are sent. */
    public String unit() {
        return unit;
    }

    /** The molar mass of a substance sent in molar units as well (umol/L), which UCUM alone cannot convert to mass. */
    public Optional<BigDecimal> gramsPerMole() {
        return Optional.ofNullable(gramsPerMole);
    }

    public boolean platelets() {
        return "PLT".equals(analyte);
    }
}
