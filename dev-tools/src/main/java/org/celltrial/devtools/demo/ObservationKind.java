package org.celltrial.devtools.demo;

import java.util.List;

/** The observations of a patient: the study file's key, the API path under the patient, what names one. */
public enum ObservationKind {

    THERAPIES("therapies", "/api/v1/enrollment/patients/%s/therapies", List.of("kind", "agent", "start")),
    VITALS("vitals", "/api/v1/safety/patients/%s/vitals", List.of("at")),
    NEURO_ASSESSMENTS("neuroAssessments", "/api/v1/safety/patients/%s/neuro-assessments", List.of("at")),
    LABS("labs", "/api/v1/safety/patients/%s/labs", List.of("analyte", "at")),
    PLATELET_COUNTS("plateletCounts", "/api/v1/efficacy/patients/%s/platelet-counts", List.of("date")),
    AUTOANTIBODIES("autoantibodies", "/api/v1/efficacy/patients/%s/autoantibodies", List.of("target", "date")),
    CAR_T_KINETICS("carTKinetics", "/api/v1/efficacy/patients/%s/car-t-kinetics", List.of("date")),
    B_CELLS("bCells", "/api/v1/efficacy/patients/%s/b-cells", List.of("date"));

    private final String fileKey;
    private final String pathFormat;
    private final List<String> naturalKey;

    ObservationKind(String fileKey, String pathFormat, List<String> naturalKey) {
        this.fileKey = fileKey;
        this.pathFormat = pathFormat;
        this.naturalKey = naturalKey;
    }

    /** The patient's field in the study file (and the defaults' field) that lists these observations. */
    public String fileKey() {
        return fileKey;
    }

    /** Where they are created for the patient. */
    public String path(String patientId) {
        return pathFormat.formatted(patientId);
    }

    /** The fields of a request body that name one observation (e.g. vitals by their instant). */
    public List<String> naturalKey() {
        return naturalKey;
    }
}
