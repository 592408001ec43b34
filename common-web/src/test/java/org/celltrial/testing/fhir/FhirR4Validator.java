package org.celltrial.testing.fhir;

import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;

import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

/**
 * HAPI FHIR's instance validator against the R4 core profiles and code systems shipped in
 * hapi-fhir-validation-resources-r4, offline (no terminology server): what a sponsor's or a hospital's FHIR server
 * would check. Test support (common-web's test-jar) for every FHIR resource CellTrial emits or answers.
 */
public final class FhirR4Validator {

    private static final FhirContext FHIR_R4 = FhirContext.forR4Cached();
    private static final FhirValidator VALIDATOR = validator();

    private FhirR4Validator() {
    }

    /** The messages of error or fatal severity for a resource given as JSON, each with its location. */
    public static List<String> errors(String json) {
        return VALIDATOR.validateWithResult(json).getMessages().stream()
                .filter(message -> message.getSeverity() == ResultSeverityEnum.ERROR
                        || message.getSeverity() == ResultSeverityEnum.FATAL)
                .map(FhirR4Validator::describe)
                .toList();
    }

    private static String describe(SingleValidationMessage message) {
        return message.getLocationString() + ": " + message.getMessage();
    }

    private static FhirValidator validator() {
        ValidationSupportChain support = new ValidationSupportChain(
                new DefaultProfileValidationSupport(FHIR_R4),
                new CommonCodeSystemsTerminologyService(FHIR_R4),
                new InMemoryTerminologyServerValidationSupport(FHIR_R4),
                new SnapshotGeneratingValidationSupport(FHIR_R4));
        FhirValidator validator = FHIR_R4.newValidator();
        validator.registerValidatorModule(new FhirInstanceValidator(support));
        return validator;
    }
}
