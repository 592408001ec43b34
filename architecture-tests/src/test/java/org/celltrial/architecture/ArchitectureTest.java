package org.celltrial.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The architecture docs/architecture.md ("Inside a service") describes, checked on the compiled classes of every
 * module. A rule that fails names each class and dependency at fault.
 */
class ArchitectureTest {

    /** Frameworks a rule engine must not know: it is plain Java, called with values, returning values. */
    private static final String[] FRAMEWORKS = {
            "io.quarkus..", "io.smallrye..", "io.vertx..", "org.hibernate..", "jakarta.persistence..",
            "jakarta.ws.rs..", "jakarta.enterprise..", "jakarta.inject..", "jakarta.transaction..",
            "org.eclipse.microprofile..", "com.fasterxml.jackson.." };

    /** What touches a database. */
    private static final String[] PERSISTENCE = {
            "org.hibernate..", "jakarta.persistence..", "io.quarkus.hibernate..", "io.vertx.sqlclient..",
            "io.vertx.pgclient..", "io.vertx.mutiny.sqlclient..", "io.vertx.mutiny.pgclient.." };

    /** The packages of common that need a database: the gateway has no use for them. */
    private static final String[] COMMON_DATA = {
            "org.celltrial.common.audit..", "org.celltrial.common.enrollment..", "org.celltrial.common.idempotency..",
            "org.celltrial.common.persistence..", "org.celltrial.common.protocol..", "org.celltrial.common.record..",
            "org.celltrial.common.review..",
            "org.celltrial.common.tracing.." };

    private static final String[] SERVICES = { "enrollment", "safety", "efficacy" };

    private static JavaClasses celltrial;

    @BeforeAll
    static void importTheModules() {
        celltrial = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.celltrial");
    }

    @Test
    void everyModuleIsImported() {
        // A rule over an empty set passes; make sure each module's classes are really there.
        for (String module : new String[] { "common.problem", "common.audit", "enrollment", "safety", "efficacy",
                "gateway" }) {
            assertTrue(celltrial.containPackage("org.celltrial." + module), module + " was not imported");
        }
    }

    @Test
    void ruleEnginesArePlainJava() {
        classes().that(areRuleEngines())
                .should().onlyDependOnClassesThat(describe("plain Java or CellTrial values",
                        (JavaClass target) -> !matchesAny(target, FRAMEWORKS)
                                && !target.getSimpleName().matches(".*(Resource|Service|Repository|Client)")))
                .because("the grading and response rules are pure, table-driven classes (docs/architecture.md)")
                .check(celltrial);
    }

    @Test
    void resourcesNeverTouchPersistence() {
        noClasses().that().haveSimpleNameEndingWith("Resource")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .orShould().dependOnClassesThat().resideInAnyPackage(PERSISTENCE)
                .because("resources validate, call their service and map the result; storage is the service's")
                .check(celltrial);
    }

    @Test
    void transactionsLiveInServices() {
        methods().that().areAnnotatedWith("io.quarkus.hibernate.reactive.panache.common.WithTransaction")
                .should().beDeclaredInClassesThat().haveSimpleNameEndingWith("Service")
                .orShould().beDeclaredInClassesThat().haveSimpleNameEndingWith("Records")
                .because("a write's transaction is opened by the service that owns it (docs/architecture.md)")
                .allowEmptyShould(true)
                .check(celltrial);
    }

    @Test
    void onlyServicesOpenTransactionsByHand() {
        noClasses().that().haveSimpleNameNotEndingWith("Service")
                .should().callMethodWhere(describe("Panache.withTransaction(…)", (JavaMethodCall call) ->
                        call.getTargetOwner().getName().equals("io.quarkus.hibernate.reactive.panache.Panache")
                                && call.getName().equals("withTransaction")))
                .because("a write's steps (the patient, the lock, the idempotent create, the audit, the regrade) "
                        + "read in the service that owns it, which opens its transaction (docs/architecture.md)")
                .check(celltrial);
    }

    @Test
    void servicesNeverReachIntoOneAnother() {
        for (String service : SERVICES) {
            for (String other : SERVICES) {
                if (!other.equals(service)) {
                    noClasses().that().resideInAPackage("org.celltrial." + service + "..")
                            .should().dependOnClassesThat().resideInAPackage("org.celltrial." + other + "..")
                            .because("each service owns its database and is reached only through its REST API")
                            .check(celltrial);
                }
            }
            noClasses().that().resideInAPackage("org.celltrial." + service + "..")
                    .should().dependOnClassesThat().resideInAPackage("org.celltrial.gateway..")
                    .check(celltrial);
        }
    }

    @Test
    void theGatewayUsesOnlyTheWebEdgeOfCommon() {
        noClasses().that().resideInAPackage("org.celltrial.gateway..")
                .should().dependOnClassesThat().resideInAnyPackage(COMMON_DATA)
                .orShould().dependOnClassesThat().resideInAnyPackage(PERSISTENCE)
                .orShould().dependOnClassesThat().resideInAnyPackage(
                        "org.celltrial.enrollment..", "org.celltrial.safety..", "org.celltrial.efficacy..")
                .because("the gateway owns no data; it shares common-web only")
                .check(celltrial);
    }

    @Test
    void commonNeverDependsOnAService() {
        noClasses().that().resideInAPackage("org.celltrial.common..")
                .should().dependOnClassesThat().resideInAnyPackage("org.celltrial.enrollment..",
                        "org.celltrial.safety..", "org.celltrial.efficacy..", "org.celltrial.gateway..")
                .check(celltrial);
    }

    @Test
    void theWebEdgeOfCommonNeedsNoDatabase() {
        noClasses().that().resideInAPackage("org.celltrial.common..")
                .and().resideOutsideOfPackages(COMMON_DATA)
                .should().dependOnClassesThat().resideInAnyPackage(COMMON_DATA)
                .orShould().dependOnClassesThat().resideInAnyPackage(PERSISTENCE)
                .because("common-web is what the gateway shares; what needs a database lives in common")
                .check(celltrial);
    }

    /** The rule engines by the names they carry (docs/architecture.md, "Inside a service"). */
    private static com.tngtech.archunit.base.DescribedPredicate<JavaClass> areRuleEngines() {
        return describe("are rule engines (…Grader, …Evaluator, …Calculator, …Planner, …Rule(s), …Formula, "
                + "…Criteria, …Builder, …Independence, …Clock, …Figures, …Demographics)",
                (JavaClass c) -> c.getPackageName().matches("org\\.celltrial\\.(enrollment|safety|efficacy)\\..*")
                        && c.getSimpleName().matches(".*(Grader|Evaluator|Calculator|Planner|Rule|Rules|Formula"
                                + "|Criteria|Builder|Independence|Clock|Figures|Demographics)"));
    }

    private static boolean matchesAny(JavaClass target, String[] packages) {
        for (String pattern : packages) {
            String prefix = pattern.substring(0, pattern.length() - 2);
            if (target.getPackageName().equals(prefix) || target.getPackageName().startsWith(prefix + ".")) {
                return true;
            }
        }
        return false;
    }
}
