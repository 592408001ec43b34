package org.celltrial.gateway.policy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static org.celltrial.common.security.Roles.ADMIN;
import static org.celltrial.common.security.Roles.DATA_MANAGER;
import static org.celltrial.common.security.Roles.INVESTIGATOR;
import static org.celltrial.common.security.Roles.MONITOR;
import static org.celltrial.common.security.Roles.SAFETY_OFFICER;
import static org.celltrial.common.security.Roles.SPONSOR;

/**
 * Who may call which route, in one table (docs/architecture.md, "Roles"): the gateway refuses a request no rule
 * allows before it reaches a service, and each service checks again. Rules are tried in order; the first whose
 * method and path match decides; a request no rule matches is refused.
 *
 * <p>Site scoping (investigators and monitors see only their sites' patients) is not decided here: it needs
 * the patient's site, which the services check on every patient-scoped path.
 */
public final class RoutePolicy {

    private static final Set<String> READ = Set.of("GET", "HEAD");
    private static final Set<String> WRITE = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> ANY = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

    private static final Set<String> EVERYONE = Set.of(INVESTIGATOR, DATA_MANAGER, SAFETY_OFFICER, SPONSOR,
            MONITOR, ADMIN);
    private static final Set<String> CLINICAL_READERS = Set.of(INVESTIGATOR, DATA_MANAGER, SAFETY_OFFICER,
            MONITOR);
    private static final Set<String> CLINICAL_WRITERS = Set.of(INVESTIGATOR, DATA_MANAGER);
    private static final Set<String> REPORT_READERS = Set.of(SAFETY_OFFICER, DATA_MANAGER, SPONSOR);

    /** One row of the table. */
    public record Rule(String name, Set<String> methods, Pattern path, Set<String> roles) {

        boolean matches(String method, String path) {
            return methods.contains(method) && this.path.matcher(path).matches();
        }
    }

    private static final String ID = "[^/]+";

    private static final List<Rule> RULES = List.of(
            rule("who am I", ANY, "/api/v1/(enrollment|safety|efficacy|study)/me", EVERYONE),
            rule("audit chain: verify", READ, "/api/v1/(enrollment|safety|efficacy)/audit/verify", Set.of(ADMIN)),
            // enrollment-service
            rule("protocol: read", READ, "/api/v1/enrollment/protocol(/.*)?", EVERYONE),
            rule("protocol: amend", WRITE, "/api/v1/enrollment/protocol", Set.of(ADMIN)),
            rule("sites: read", READ, "/api/v1/enrollment/sites(/" + ID + ")?", EVERYONE),
            rule("sites: open", WRITE, "/api/v1/enrollment/sites", Set.of(ADMIN)),
            rule("sites: staff", ANY, "/api/v1/enrollment/sites/" + ID + "/(members(/" + ID + ")?|users)",
                    Set.of(ADMIN)),
            rule("enrollment summary", READ, "/api/v1/enrollment/summary", REPORT_READERS),
            rule("patient reference", READ, "/api/v1/enrollment/patients/" + ID + "/reference",
                    union(CLINICAL_READERS, Set.of(SPONSOR))),
            // many references, or their revisions, in one read (a POST for the IDs' sake): whoever may read one
            rule("patient references", Set.of("POST"), "/api/v1/enrollment/patients/references",
                    union(CLINICAL_READERS, Set.of(SPONSOR))),
            rule("patient reference revisions", Set.of("POST"), "/api/v1/enrollment/patients/reference-revisions",
                    union(CLINICAL_READERS, Set.of(SPONSOR))),
            rule("patients: read", READ, "/api/v1/enrollment/patients(/.*)?", CLINICAL_READERS),
            rule("patients: write", WRITE, "/api/v1/enrollment/patients(/.*)?", CLINICAL_WRITERS),
            // data review in safety- and efficacy-service (docs/data-review.md); locks in every service
            rule("queries: open", WRITE, "/api/v1/(safety|efficacy)/patients/" + ID + "/queries",
                    Set.of(MONITOR, DATA_MANAGER)),
            rule("queries: list", READ, "/api/v1/(safety|efficacy)/queries", CLINICAL_READERS),
            rule("queries: answer", WRITE, "/api/v1/(safety|efficacy)/queries/" + ID + "/answer", CLINICAL_WRITERS),
            rule("queries: close or re-open", WRITE, "/api/v1/(safety|efficacy)/queries/" + ID + "/(close|reopen)",
                    Set.of(MONITOR, DATA_MANAGER)),
            rule("source verification: mark", WRITE,
                    "/api/v1/(safety|efficacy)/patients/" + ID + "/source-verification", Set.of(MONITOR)),
            rule("source verification: progress", READ, "/api/v1/(safety|efficacy)/source-verification",
                    Set.of(MONITOR, DATA_MANAGER, SAFETY_OFFICER)),
            rule("signatures: sign", WRITE, "/api/v1/(safety|efficacy)/patients/" + ID + "/signatures",
                    Set.of(INVESTIGATOR)),
            rule("locks: read", READ, "/api/v1/(enrollment|safety|efficacy)/locks", union(CLINICAL_READERS,
                    Set.of(SPONSOR))),
            rule("locks: lock and lift", WRITE, "/api/v1/(enrollment|safety|efficacy)/locks(/" + ID + "/unlock)?",
                    Set.of(DATA_MANAGER)),
            // safety-service
            rule("safety reports", READ, "/api/v1/safety/(summary|line-listing|feed|export/.+)", REPORT_READERS),
            rule("serious events due", READ, "/api/v1/safety/sae/due", Set.of(SAFETY_OFFICER, DATA_MANAGER)),
            rule("serious events as E2B(R3) reports", READ, "/api/v1/safety/sae/(e2b|" + ID + "/e2b)", REPORT_READERS),
            rule("adverse events: report and follow up", WRITE,
                    "/api/v1/safety/(patients/" + ID + "/adverse-events|adverse-events/" + ID + ")",
                    union(CLINICAL_WRITERS, Set.of(SAFETY_OFFICER))),
            rule("safety: read", READ, "/api/v1/safety/(patients|adverse-events)/.+", CLINICAL_READERS),
            rule("safety: regrade under an amendment", WRITE, "/api/v1/safety/patients/" + ID + "/regrade",
                    Set.of(SAFETY_OFFICER)),
            rule("safety: record", WRITE, "/api/v1/safety/patients/.+", CLINICAL_WRITERS),
            rule("safety: lab results in bulk", WRITE, "/api/v1/safety/labs:batch", CLINICAL_WRITERS),
            // efficacy-service
            rule("efficacy summary", READ, "/api/v1/efficacy/summary", REPORT_READERS),
            rule("efficacy: read", READ, "/api/v1/efficacy/patients/.+", CLINICAL_READERS),
            rule("efficacy: regrade under an amendment", WRITE, "/api/v1/efficacy/patients/" + ID + "/regrade",
                    Set.of(DATA_MANAGER)),
            rule("efficacy: record", WRITE, "/api/v1/efficacy/patients/.+", CLINICAL_WRITERS),
            rule("efficacy: platelet counts in bulk", WRITE, "/api/v1/efficacy/platelet-counts:batch",
                    CLINICAL_WRITERS),
            // the gateway's own composites
            rule("study summary", READ, "/api/v1/study/summary", REPORT_READERS),
            rule("patient course", READ, "/api/v1/study/patients/" + ID + "/course", CLINICAL_READERS),
            rule("study queries", READ, "/api/v1/study/queries", CLINICAL_READERS),
            rule("study source verification", READ, "/api/v1/study/source-verification",
                    Set.of(MONITOR, DATA_MANAGER, SAFETY_OFFICER)),
            rule("study signatures: read", READ, "/api/v1/study/patients/" + ID + "/signatures", CLINICAL_READERS),
            rule("study signatures: sign", WRITE, "/api/v1/study/patients/" + ID + "/signatures",
                    Set.of(INVESTIGATOR)),
            rule("study locks: read", READ, "/api/v1/study/locks", union(CLINICAL_READERS, Set.of(SPONSOR))),
            rule("study locks: lock and lift", WRITE, "/api/v1/study/locks(/" + ID + "/unlock)?",
                    Set.of(DATA_MANAGER)),
            rule("FHIR lab results in", WRITE, "/api/v1/study/fhir", CLINICAL_WRITERS));

    /** The rule that decides this request, if any. */
    public Optional<Rule> ruleFor(String method, String path) {
        return RULES.stream().filter(rule -> rule.matches(method, path)).findFirst();
    }

    /** Whether a caller with these roles may make this request. */
    public boolean allows(Set<String> roles, String method, String path) {
        return ruleFor(method, path).map(rule -> rule.roles().stream().anyMatch(roles::contains)).orElse(false);
    }

    public List<Rule> rules() {
        return RULES;
    }

    private static Rule rule(String name, Set<String> methods, String path, Set<String> roles) {
        return new Rule(name, methods, Pattern.compile(path), roles);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).collect(java.util.stream.Collectors.toSet());
    }
}
