package org.celltrial.gateway.fhir;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationReferenceRangeComponent;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Quantity;

import ca.uhn.fhir.context.FhirContext;

/**
 * Reads one FHIR R4 Observation into a {@link LabObservation}, or refuses it ({@link RefusedEntry}) with the reason
 * its OperationOutcome gives: a code CellTrial does not take, a unit that does not convert, a value either service
 * would refuse. A pure rule: nothing is called or stored here.
 */
public final class ObservationReader {

    /** The system of the study's subject identifier ({@code CT-SITE-01-004}), as the FHIR export writes it. */
    public static final String SUBJECT_SYSTEM = "urn:celltrial:subject";
    private static final Set<ObservationStatus> RESULTS = Set.of(ObservationStatus.FINAL, ObservationStatus.AMENDED,
            ObservationStatus.CORRECTED);
    /** safety-service's lab values: 0-100000, three decimals. */
    private static final BigDecimal LAB_MAX = new BigDecimal("100000");
    private static final int LAB_SCALE = 3;
    /** efficacy-service's platelet counts: 0-2000 x10^9/L, one decimal. */
    private static final BigDecimal PLATELET_MAX = new BigDecimal("2000");
    private static final int PLATELET_SCALE = 1;

    private final FhirContext fhir;

    public ObservationReader(FhirContext fhir) {
        this.fhir = fhir;
    }

    public LabObservation read(Observation observation, Instant now) {
        LoincLab lab = lab(observation);
        if (!observation.hasStatus() || !RESULTS.contains(observation.getStatus())) {
            throw new RefusedEntry(IssueType.BUSINESSRULE, "Observation status "
                    + (observation.hasStatus() ? observation.getStatus().toCode() : "(none)")
                    + " is not a result; CellTrial takes final, amended or corrected results");
        }
        String subjectId = subject(observation);
        OffsetDateTime taken = taken(observation);
        if (taken.toInstant().isAfter(now)) {
            throw new RefusedEntry(IssueType.VALUE, "effectiveDateTime " + taken + " is in the future");
        }
        if (!observation.hasValueQuantity() || !observation.getValueQuantity().hasValue()) {
            throw new RefusedEntry(IssueType.REQUIRED, "The Observation has no valueQuantity with a value");
        }
        Quantity quantity = observation.getValueQuantity();
        if (quantity.hasComparator()) {
            throw new RefusedEntry(IssueType.VALUE, "A value " + quantity.getComparator().toCode()
                    + " a limit cannot be graded; send the measured value");
        }
        BigDecimal value = inUnit(quantity, lab, "valueQuantity");
        BigDecimal lowerLimit = null;
        BigDecimal upperLimit = null;
        if (observation.hasReferenceRange()) {
            ObservationReferenceRangeComponent range = observation.getReferenceRangeFirstRep();
            lowerLimit = range.hasLow() ? inUnit(range.getLow(), lab, "referenceRange.low") : null;
            upperLimit = range.hasHigh() ? inUnit(range.getHigh(), lab, "referenceRange.high") : null;
        }
        value = scaled(value, lab.platelets() ? PLATELET_SCALE : LAB_SCALE);
        BigDecimal max = lab.platelets() ? PLATELET_MAX : LAB_MAX;
        if (value.compareTo(BigDecimal.ZERO) < 0 || value.compareTo(max) > 0) {
            throw new RefusedEntry(IssueType.VALUE, lab.analyte() + " " + value.toPlainString() + " " + lab.unit()
                    + " is outside 0-" + max.toPlainString() + " " + lab.unit());
        }
        return new LabObservation(subjectId, lab, taken.toInstant(), taken.toLocalDate(), value,
                scaled(lowerLimit, LAB_SCALE), scaled(upperLimit, LAB_SCALE), key(observation));
    }

    private static LoincLab lab(Observation observation) {
        for (Coding coding : observation.getCode().getCoding()) {
            if (LoincLab.SYSTEM.equals(coding.getSystem()) && LoincLab.of(coding.getCode()).isPresent()) {
                return LoincLab.of(coding.getCode()).orElseThrow();
            }
        }
        String codes = observation.getCode().getCoding().stream()
                .map(coding -> coding.getSystem() + "|" + coding.getCode()).toList().toString();
        throw new RefusedEntry(IssueType.NOTSUPPORTED, "No code CellTrial takes in " + codes + "; it takes LOINC "
                + Arrays.stream(LoincLab.values()).map(LoincLab::code).toList());
    }

    private static String subject(Observation observation) {
        Identifier identifier = observation.getSubject().getIdentifier();
        if (!SUBJECT_SYSTEM.equals(identifier.getSystem()) || !identifier.hasValue()) {
            throw new RefusedEntry(IssueType.REQUIRED, "subject.identifier must be the study's subject identifier ("
                    + "system " + SUBJECT_SYSTEM + ", value e.g. CT-SITE-01-004)");
        }
        return identifier.getValue();
    }

    private static OffsetDateTime taken(Observation observation) {
        if (!observation.hasEffectiveDateTimeType()) {
            throw new RefusedEntry(IssueType.REQUIRED, "The Observation has no effectiveDateTime");
        }
        try {
            return OffsetDateTime.parse(observation.getEffectiveDateTimeType().getValueAsString());
        } catch (DateTimeParseException dateOnly) {
            throw new RefusedEntry(IssueType.VALUE, "effectiveDateTime "
                    + observation.getEffectiveDateTimeType().getValueAsString()
                    + " needs a time with its offset: the grades follow one another in time");
        }
    }

    private static BigDecimal inUnit(Quantity quantity, LoincLab lab, String field) {
        if (!quantity.hasValue()) {
            throw new RefusedEntry(IssueType.REQUIRED, field + " has no value");
        }
        if (!UcumUnits.SYSTEM.equals(quantity.getSystem()) || !quantity.hasCode()) {
            throw new RefusedEntry(IssueType.VALUE, field + " must carry a UCUM unit (system " + UcumUnits.SYSTEM
                    + " and code)");
        }
        return UcumUnits.convert(quantity.getValue(), quantity.getCode(), lab.unit())
                .or(() -> lab.gramsPerMole().flatMap(gramsPerMole -> fromMolar(quantity, gramsPerMole, lab.unit())))
                .orElseThrow(() -> new RefusedEntry(IssueType.VALUE, field + " unit " + quantity.getCode()
                        + " does not convert to " + lab.unit() + ", the unit of LOINC " + lab.code()));
    }

    /** A molar concentration as mass: umol/L times g/mol is ug/L, then UCUM converts that to the lab's unit. */
    private static Optional<BigDecimal> fromMolar(Quantity quantity, BigDecimal gramsPerMole, String unit) {
        return UcumUnits.convert(quantity.getValue(), quantity.getCode(), "umol/L")
                .flatMap(micromolar -> UcumUnits.convert(micromolar.multiply(gramsPerMole), "ug/L", unit));
    }

    private static BigDecimal scaled(BigDecimal value, int scale) {
        if (value == null) {
            return null;
        }
        BigDecimal rounded = value.setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }

    /** A digest of the Observation without its id and meta: the same result sent again gives the same key. */
    private String key(Observation observation) {
        Observation content = observation.copy();
        content.setId((String) null);
        content.setMeta(null);
        byte[] json = fhir.newJsonParser().encodeResourceToString(content).getBytes(StandardCharsets.UTF_8);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
