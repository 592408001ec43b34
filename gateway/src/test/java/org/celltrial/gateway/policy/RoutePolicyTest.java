package org.celltrial.gateway.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The role × route table of docs/architecture.md, row by row: allowed or refused. */
class RoutePolicyTest {

    private final RoutePolicy policy = new RoutePolicy();

    @ParameterizedTest(name = "{0} {1} {2}: {3}")
    @CsvSource({
        // who may do anything at all: their own identity
        "sponsor,        GET,  /api/v1/safety/me,                                  true",
        // the audit trail's hash chain: administrators check it, nobody else
        "admin,          GET,  /api/v1/efficacy/audit/verify,                      true",
        "data-manager,   GET,  /api/v1/enrollment/audit/verify,                    false",
        "admin,          POST, /api/v1/safety/audit/verify,                        false",
        // protocol and sites: everyone reads, only admin changes
        "investigator,   GET,  /api/v1/enrollment/protocol,                        true",
        "investigator,   PUT,  /api/v1/enrollment/protocol,                        false",
        "admin,          PUT,  /api/v1/enrollment/protocol,                        true",
        "admin,          POST, /api/v1/enrollment/sites,                           true",
        "data-manager,   POST, /api/v1/enrollment/sites,                           false",
        // site staff (Keycloak membership): admin only
        "admin,          GET,  /api/v1/enrollment/sites/SITE-01/members,           true",
        "admin,          POST, /api/v1/enrollment/sites/SITE-01/members,           true",
        "admin,          DELETE, /api/v1/enrollment/sites/SITE-01/members/inv-site02, true",
        "admin,          POST, /api/v1/enrollment/sites/SITE-01/users,             true",
        "investigator,   GET,  /api/v1/enrollment/sites/SITE-01/members,           false",
        "data-manager,   POST, /api/v1/enrollment/sites/SITE-01/members,           false",
        "admin,          GET,  /api/v1/enrollment/sites/SITE-01/members/a/b,       false",
        // patients: investigators and data managers write; monitors and safety officers read; sponsors don't
        "investigator,   POST, /api/v1/enrollment/patients,                        true",
        "monitor,        POST, /api/v1/enrollment/patients,                        false",
        "monitor,        GET,  /api/v1/enrollment/patients/p1,                     true",
        "safety-officer, GET,  /api/v1/enrollment/patients/p1/schedule,            true",
        "sponsor,        GET,  /api/v1/enrollment/patients/p1,                     false",
        "admin,          GET,  /api/v1/enrollment/patients/p1,                     false",
        // the pseudonymised reference: sponsors too (safety and efficacy call it with their token)
        "sponsor,        GET,  /api/v1/enrollment/patients/p1/reference,           true",
        "sponsor,        POST, /api/v1/enrollment/patients/p1/reference,           false",
        "sponsor,        POST, /api/v1/enrollment/patients/references,             true",
        "monitor,        POST, /api/v1/enrollment/patients/references,             true",
        "admin,          POST, /api/v1/enrollment/patients/references,             false",
        "sponsor,        GET,  /api/v1/enrollment/patients/references,             false",
        "sponsor,        POST, /api/v1/enrollment/patients/reference-revisions,    true",
        "safety-officer, POST, /api/v1/enrollment/patients/reference-revisions,    true",
        "investigator,   POST, /api/v1/enrollment/patients/reference-revisions,    true",
        "admin,          POST, /api/v1/enrollment/patients/reference-revisions,    false",
        "sponsor,        GET,  /api/v1/enrollment/patients/reference-revisions,    false",
        "sponsor,        PUT,  /api/v1/enrollment/patients/reference-revisions,    false",
        "sponsor,        POST, /api/v1/enrollment/patients/reference-revisionsx,   false",
        "sponsor,        POST, /api/v1/enrollment/patients/changed-references,     false",
        // safety: reports for safety officers, data managers and sponsors; monitors never write
        "sponsor,        GET,  /api/v1/safety/summary,                             true",
        "sponsor,        GET,  /api/v1/safety/export/fhir,                         true",
        "sponsor,        GET,  /api/v1/safety/feed,                                true",
        "investigator,   GET,  /api/v1/safety/summary,                             false",
        "sponsor,        GET,  /api/v1/safety/sae/due,                             false",
        "safety-officer, GET,  /api/v1/safety/sae/due,                             true",
        "sponsor,        GET,  /api/v1/safety/sae/0b7c/e2b,                        true",
        "sponsor,        GET,  /api/v1/safety/sae/e2b,                             true",
        "investigator,   GET,  /api/v1/safety/sae/0b7c/e2b,                        false",
        "sponsor,        GET,  /api/v1/safety/export/sdtm-ae.json,                 true",
        "sponsor,        GET,  /api/v1/safety/patients/p1/crs,                     false",
        "monitor,        GET,  /api/v1/safety/patients/p1/crs,                     true",
        "monitor,        POST, /api/v1/safety/patients/p1/vitals,                  false",
        "investigator,   POST, /api/v1/safety/patients/p1/vitals,                  true",
        "safety-officer, POST, /api/v1/safety/patients/p1/vitals,                  false",
        // lab results in bulk: the writers of single results
        "data-manager,   POST, /api/v1/safety/labs:batch,                          true",
        "investigator,   POST, /api/v1/safety/labs:batch,                          true",
        "safety-officer, POST, /api/v1/safety/labs:batch,                          false",
        "monitor,        POST, /api/v1/safety/labs:batch,                          false",
        "data-manager,   GET,  /api/v1/safety/labs:batch,                          false",
        // platelet counts in bulk: the writers of single counts
        "data-manager,   POST, /api/v1/efficacy/platelet-counts:batch,             true",
        "investigator,   POST, /api/v1/efficacy/platelet-counts:batch,             true",
        "safety-officer, POST, /api/v1/efficacy/platelet-counts:batch,             false",
        "monitor,        POST, /api/v1/efficacy/platelet-counts:batch,             false",
        "sponsor,        POST, /api/v1/efficacy/platelet-counts:batch,             false",
        "data-manager,   GET,  /api/v1/efficacy/platelet-counts:batch,             false",
        // Regrading under an amendment is the safety officer's alone.
        "safety-officer, POST, /api/v1/safety/patients/p1/regrade,                 true",
        "investigator,   POST, /api/v1/safety/patients/p1/regrade,                 false",
        "data-manager,   POST, /api/v1/safety/patients/p1/regrade,                 false",
        "data-manager,   POST, /api/v1/efficacy/patients/p1/regrade,               true",
        "investigator,   POST, /api/v1/efficacy/patients/p1/regrade,               false",
        "safety-officer, PUT,  /api/v1/safety/adverse-events/a1,                   true",
        "safety-officer, POST, /api/v1/safety/patients/p1/adverse-events,          true",
        // efficacy
        "sponsor,        GET,  /api/v1/efficacy/summary,                           true",
        "sponsor,        GET,  /api/v1/efficacy/patients/p1/response,              false",
        "investigator,   POST, /api/v1/efficacy/patients/p1/platelet-counts,       true",
        "monitor,        POST, /api/v1/efficacy/patients/p1/platelet-counts,       false",
        // FHIR lab results in: the writers of clinical data
        "investigator,   POST, /api/v1/study/fhir,                                 true",
        "data-manager,   POST, /api/v1/study/fhir,                                 true",
        "monitor,        POST, /api/v1/study/fhir,                                 false",
        "sponsor,        POST, /api/v1/study/fhir,                                 false",
        "investigator,   GET,  /api/v1/study/fhir,                                 false",
        // what no rule names is refused
        "admin,          GET,  /api/v1/enrollment/unknown,                         false",
    })
    void decidesByRoleMethodAndPath(String role, String method, String path, boolean allowed) {
        assertEquals(allowed, policy.allows(Set.of(role), method, path));
    }
}
