package org.celltrial.common.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.junit.jupiter.api.Test;

class ReadableOperationIdsTest {

    @Test
    void classAndMethodBecomeVerbThenSubject() {
        assertEquals("recordVitals", ReadableOperationIds.readable("VitalsResource_record"));
        assertEquals("voidRecordVitals", ReadableOperationIds.readable("VitalsResource_voidRecord"));
        assertEquals("screenPatient", ReadableOperationIds.readable("PatientResource_screen"));
    }

    @Test
    void aMethodThatNamesItsSubjectAlreadyIsNotRepeated() {
        assertEquals("voidTherapy", ReadableOperationIds.readable("TherapyResource_voidTherapy"));
        assertEquals("course", ReadableOperationIds.readable("CourseResource_course"));
    }

    @Test
    void aClassWithoutTheResourceSuffixKeepsItsName() {
        assertEquals("listPatients", ReadableOperationIds.readable("Patients_list"));
    }

    @Test
    void anIdThatIsAlreadyReadableIsLeftAsItIs() {
        assertEquals("recordVitals", ReadableOperationIds.readable("recordVitals"));
        assertEquals("odd_", ReadableOperationIds.readable("odd_"));
        assertNull(ReadableOperationIds.readable(null));
    }

    @Test
    void anIdSharedByServicesIsQualifiedWithTheServiceOfItsPath() {
        assertEquals("safetyMeCaller", ReadableOperationIds.qualified("meCaller", "/api/v1/safety/me"));
        assertEquals("efficacyRegrade",
                ReadableOperationIds.qualified("regrade", "/api/v1/efficacy/patients/{id}/regrade"));
        assertEquals("meCaller", ReadableOperationIds.qualified("meCaller", "/elsewhere/me"));
    }

    @Test
    void theMergedDocumentQualifiesOnlyTheIdsItHoldsMoreThanOnce() {
        OpenAPI merged = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/api/v1/enrollment/me", get("meCaller"))
                .addPathItem("/api/v1/safety/me", get("meCaller"))
                .addPathItem("/api/v1/safety/patients/{id}/vitals", get("listVitals")));

        new ReadableOperationIds().filterOpenAPI(merged);

        assertEquals("enrollmentMeCaller", idOf(merged, "/api/v1/enrollment/me"));
        assertEquals("safetyMeCaller", idOf(merged, "/api/v1/safety/me"));
        assertEquals("listVitals", idOf(merged, "/api/v1/safety/patients/{id}/vitals"));
    }

    private static PathItem get(String operationId) {
        return OASFactory.createPathItem().GET(OASFactory.createOperation().operationId(operationId));
    }

    private static String idOf(OpenAPI document, String path) {
        return document.getPaths().getPathItem(path).getGET().getOperationId();
    }
}
