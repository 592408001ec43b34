package org.celltrial.safety.export;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import org.celltrial.common.enrollment.PatientReference;
import org.celltrial.safety.ae.AdverseEventView;
import org.celltrial.safety.ae.Origin;
import org.celltrial.safety.ae.Outcome;
import org.celltrial.safety.ae.Relatedness;
import org.celltrial.safety.ae.SeriousnessCriterion;
import org.celltrial.safety.ctcae.MeddraHierarchy;

/**
 * The SDTM AE (Adverse Events) domain after the CDISC SDTM Implementation Guide v3.4, section 6.2: its variables,
 * each with the metadata a Define-XML would carry (label, data type, length, key sequence), and its records, one per
 * adverse event per subject, numbered (AESEQ) within the subject in export order. {@link SdtmAeWriter} writes it as
 * CSV, {@link SdtmAeDatasetJson} as CDISC Dataset-JSON v1.1.
 * <p>
 * Dictionary variables come from the MedDRA hierarchy of the study's MedDRA version ({@link MeddraHierarchy}):
 * AELLT/AELLTCD are the term CellTrial keeps (CTCAE's lowest level term; an LLT that is itself a PT by the PT's
 * name), AEDECOD/AEPTCD its preferred term,
 * AEBODSYS/AESOC/AESOCCD its primary system organ class; a code the hierarchy does not hold leaves AEDECOD as the
 * reported term and the others empty. Study days (AESTDY, AEENDY) count from RFSTDTC = Day 0, the infusion, as the
 * SDTMIG counts them: Day 0 is study day 1, the day before it -1 (there is no day 0). EPOCH is SCREENING before
 * lymphodepletion, TREATMENT from lymphodepletion through Day 0, FOLLOW-UP after it. AEACN: the CAR-T product is one
 * infusion, so no action can be taken with it for an event that starts on or after Day 0 (NOT APPLICABLE); before
 * Day 0 CellTrial does not record whether the infusion was delayed (UNKNOWN). AEREL is the investigator's assessment;
 * for an event derived by the grading engines that the investigator has not assessed, CRS and ICANS are RELATED (an
 * immune effector cell toxicity by definition) and lab events POSSIBLY RELATED.
 */
public final class SdtmAeDataset {

    /** The data types Dataset-JSON and Define-XML name. */
    enum DataType {
        STRING("string"),
        INTEGER("integer"),
        DATE("date");

        final String name;

        DataType(String name) {
            this.name = name;
        }
    }

    /** The AE domain variables written, in dataset order. */
    enum Variable {
        STUDYID("Study Identifier", DataType.STRING, 20, 1, Row::studyId),
        DOMAIN("Domain Abbreviation", DataType.STRING, 2, null, row -> "AE"),
        USUBJID("Unique Subject Identifier", DataType.STRING, 64, 2, row -> row.studyId() + "-" + row.event().subjectId()),
        AESEQ("Sequence Number", DataType.INTEGER, 8, null, Row::sequence),
        AETERM("Reported Term for the Adverse Event", DataType.STRING, 200, null, row -> row.event().ctcaeTerm()),
        // an LLT that is its PT carries the PT's name (ICANS is coded as "Neurotoxicity" in MedDRA 20.1)
        AELLT("Lowest Level Term", DataType.STRING, 200, null,
                row -> row.meddra() != null && row.meddra().lltCode().equals(row.meddra().ptCode())
                        ? row.meddra().ptName() : row.event().ctcaeTerm()),
        AELLTCD("Lowest Level Term Code", DataType.STRING, 8, null,
                row -> Objects.requireNonNullElse(row.event().meddraCode(), "")),
        AEDECOD("Dictionary-Derived Term", DataType.STRING, 200, 3,
                row -> row.meddra() == null ? row.event().ctcaeTerm() : row.meddra().ptName()),
        AEPTCD("Preferred Term Code", DataType.STRING, 8, null,
                row -> row.meddra() == null ? "" : row.meddra().ptCode()),
        AEBODSYS("Body System or Organ Class", DataType.STRING, 200, null,
                row -> row.meddra() == null ? "" : row.meddra().socName()),
        AESOC("Primary System Organ Class", DataType.STRING, 200, null,
                row -> row.meddra() == null ? "" : row.meddra().socName()),
        AESOCCD("Primary System Organ Class Code", DataType.STRING, 8, null,
                row -> row.meddra() == null ? "" : row.meddra().socCode()),
        AETOXGR("Standard Toxicity Grade", DataType.INTEGER, 1, null, row -> row.event().grade()),
        AESER("Serious Event", DataType.STRING, 1, null, row -> yesNo(row.event().serious())),
        AESDTH("Results in Death", DataType.STRING, 1, null, row -> criterion(row, SeriousnessCriterion.DEATH)),
        AESLIFE("Is Life Threatening", DataType.STRING, 1, null,
                row -> criterion(row, SeriousnessCriterion.LIFE_THREATENING)),
        AESHOSP("Requires or Prolongs Hospitalization", DataType.STRING, 1, null,
                row -> criterion(row, SeriousnessCriterion.HOSPITALISATION)),
        AESDISAB("Persist or Signif Disability/Incapacity", DataType.STRING, 1, null,
                row -> criterion(row, SeriousnessCriterion.DISABILITY)),
        AESCONG("Congenital Anomaly or Birth Defect", DataType.STRING, 1, null,
                row -> criterion(row, SeriousnessCriterion.CONGENITAL_ANOMALY)),
        AESMIE("Other Medically Important Serious Event", DataType.STRING, 1, null,
                row -> criterion(row, SeriousnessCriterion.IMPORTANT_MEDICAL_EVENT)),
        AEACN("Action Taken with Study Treatment", DataType.STRING, 20, null, SdtmAeDataset::actionTaken),
        AEREL("Causality", DataType.STRING, 20, null, SdtmAeDataset::causality),
        AEOUT("Outcome of Adverse Event", DataType.STRING, 40, null,
                row -> row.event().outcome() == null ? "" : outcome(row.event().outcome())),
        AECONTRT("Concomitant or Additional Trtmnt Given", DataType.STRING, 1, null,
                row -> yesNo(!row.event().treatments().isEmpty())),
        EPOCH("Epoch", DataType.STRING, 20, null, SdtmAeDataset::epoch),
        AESTDTC("Start Date/Time of Adverse Event", DataType.DATE, 10, 4, row -> row.event().onset().toString()),
        AEENDTC("End Date/Time of Adverse Event", DataType.DATE, 10, null,
                row -> row.event().resolvedOn() == null ? "" : row.event().resolvedOn().toString()),
        AESTDY("Study Day of Start of Adverse Event", DataType.INTEGER, 8, null,
                row -> studyDay(row, row.event().onset())),
        AEENDY("Study Day of End of Adverse Event", DataType.INTEGER, 8, null,
                row -> studyDay(row, row.event().resolvedOn()));

        final String label;
        final DataType type;
        final int length;
        /** The variable's place in the dataset's key (STUDYID, USUBJID, AEDECOD, AESTDTC); null if not a key. */
        final Integer keySequence;
        /** A String (empty when there is no value) or, for an integer variable, an Integer or null. */
        private final Function<Row, Object> value;

        Variable(String label, DataType type, int length, Integer keySequence, Function<Row, Object> value) {
            this.label = label;
            this.type = type;
            this.length = length;
            this.keySequence = keySequence;
            this.value = value;
        }

        Object value(Row row) {
            return value.apply(row);
        }
    }

    /** One AE record: the event, numbered within its subject, with its patient (null if enrollment has none). */
    record Row(String studyId, int sequence, AdverseEventView event, PatientReference patient,
            MeddraHierarchy.Placement meddra) {
    }

    private final String studyId;
    private final String meddraVersion;
    /** AESEQ numbers each subject's events from 1; events come sorted by subject, so one counter is enough. */
    private String subjectId;
    private int sequence;

    /**
     * @param studyId       the study identifier (STUDYID; USUBJID is it, a hyphen and the subject ID)
     * @param meddraVersion the study's MedDRA version, whose hierarchy gives the dictionary variables
     */
    public SdtmAeDataset(String studyId, String meddraVersion) {
        this.studyId = studyId;
        this.meddraVersion = meddraVersion;
    }

    String studyId() {
        return studyId;
    }

    /**
     * The next events' records.
     *
     * @param events   across all calls, sorted by subject and then onset (AESEQ numbers each subject's events in it)
     * @param patients the events' patients by ID, as enrollment answered them; a patient missing leaves its study
     *                 days, EPOCH and AEACN empty
     */
    List<Row> rows(List<AdverseEventView> events, Map<UUID, PatientReference> patients) {
        List<Row> rows = new ArrayList<>(events.size());
        for (AdverseEventView event : events) {
            sequence = event.subjectId().equals(subjectId) ? sequence + 1 : 1;
            subjectId = event.subjectId();
            rows.add(new Row(studyId, sequence, event, patients.get(event.patientId()),
                    MeddraHierarchy.of(meddraVersion, event.meddraCode()).orElse(null)));
        }
        return rows;
    }

    /** SDTMIG study day: days from the reference start (Day 0), plus one from it on; null without either date. */
    static Integer studyDay(Row row, LocalDate date) {
        if (date == null || row.patient() == null || row.patient().day0() == null) {
            return null;
        }
        long days = ChronoUnit.DAYS.between(row.patient().day0(), date);
        return Math.toIntExact(days >= 0 ? days + 1 : days);
    }

    private static String epoch(Row row) {
        PatientReference patient = row.patient();
        if (patient == null) {
            return "";
        }
        LocalDate onset = row.event().onset();
        LocalDate treatmentStart = patient.lymphodepletionStart() != null ? patient.lymphodepletionStart()
                : patient.day0();
        if (treatmentStart == null || onset.isBefore(treatmentStart)) {
            return "SCREENING";
        }
        return patient.day0() == null || !onset.isAfter(patient.day0()) ? "TREATMENT" : "FOLLOW-UP";
    }

    /** The CDISC ACN codelist (C66767) for a single infusion given on Day 0. */
    private static String actionTaken(Row row) {
        if (row.patient() == null || row.patient().day0() == null) {
            return "";
        }
        return row.event().onset().isBefore(row.patient().day0()) ? "UNKNOWN" : "NOT APPLICABLE";
    }

    private static String causality(Row row) {
        Relatedness assessed = row.event().relatedToCarT();
        if (assessed != null) {
            return relationship(assessed);
        }
        Origin origin = row.event().origin();
        if (origin == Origin.CRS || origin == Origin.ICANS) {
            return relationship(Relatedness.DEFINITE);
        }
        return origin == Origin.LAB ? relationship(Relatedness.POSSIBLE) : "";
    }

    /**
     * The CDISC relationship wording (AEREL; the SDTMIG leaves its terms to the sponsor, these are the common
     * five-point scale): {@code NOT RELATED}, {@code UNLIKELY RELATED}, {@code POSSIBLY RELATED},
     * {@code PROBABLY RELATED}, {@code RELATED}. The FHIR export and the E2B(R3) report use the same wording.
     */
    public static String relationship(Relatedness relatedness) {
        return switch (relatedness) {
            case NOT_RELATED -> "NOT RELATED";
            case UNLIKELY -> "UNLIKELY RELATED";
            case POSSIBLE -> "POSSIBLY RELATED";
            case PROBABLE -> "PROBABLY RELATED";
            case DEFINITE -> "RELATED";
        };
    }

    /** The CDISC controlled terminology for AEOUT (codelist OUT, C66768). */
    private static String outcome(Outcome outcome) {
        return switch (outcome) {
            case RECOVERED -> "RECOVERED/RESOLVED";
            case RECOVERING -> "RECOVERING/RESOLVING";
            case NOT_RECOVERED -> "NOT RECOVERED/NOT RESOLVED";
            case RECOVERED_WITH_SEQUELAE -> "RECOVERED/RESOLVED WITH SEQUELAE";
            case FATAL -> "FATAL";
            case UNKNOWN -> "UNKNOWN";
        };
    }

    private static String criterion(Row row, SeriousnessCriterion criterion) {
        return yesNo(row.event().seriousnessCriteria().contains(criterion));
    }

    /** The CDISC No Yes Response codelist (NY, C66742), as the SDTMIG uses it for AESER, AESDTH, ... and AECONTRT. */
    private static String yesNo(boolean yes) {
        return yes ? "Y" : "N";
    }
}
