package org.celltrial.common.openapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * Gives every operation a stable, readable operationId, so clients generated from the gateway's merged document
 * (in any language) get names such as {@code recordVitals} or {@code listPatient}. SmallRye names each operation
 * {@code <Class>_<method>} (operation-id-strategy CLASS_METHOD, unique within a service because it has one resource
 * class per capability); this filter turns that into {@code <method><Class without "Resource">}, or the method
 * alone where it already ends with that subject ({@code TherapyResource_voidTherapy} is {@code voidTherapy}). An
 * operationId that is already readable (a service's, in the gateway's merged document) is left as it is. Where the
 * merged document has one id more than once (what every service shares, such as {@code meCaller}), each is
 * qualified with its service, the path segment after {@code /api/v1/}: {@code safetyMeCaller}.
 */
public class ReadableOperationIds implements OASFilter {

    private static final String RESOURCE_SUFFIX = "Resource";
    private static final Pattern SERVICE = Pattern.compile("^/api/v1/([a-z]+)(/.*)?$");

    @Override
    public Operation filterOperation(Operation operation) {
        operation.setOperationId(readable(operation.getOperationId()));
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, List<Map.Entry<String, Operation>>> byId = new HashMap<>();
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values().forEach(operation -> {
            if (operation.getOperationId() != null) {
                byId.computeIfAbsent(operation.getOperationId(), id -> new ArrayList<>()).add(Map.entry(path, operation));
            }
        }));
        byId.values().stream().filter(operations -> operations.size() > 1).flatMap(List::stream)
                .forEach(entry -> entry.getValue().setOperationId(
                        qualified(entry.getValue().getOperationId(), entry.getKey())));
    }

    static String readable(String operationId) {
        if (operationId == null) {
            return null;
        }
        int separator = operationId.lastIndexOf('_');
        if (separator <= 0 || separator == operationId.length() - 1) {
            return operationId;
        }
        String className = operationId.substring(0, separator);
        String method = operationId.substring(separator + 1);
        String subject = className.endsWith(RESOURCE_SUFFIX) && className.length() > RESOURCE_SUFFIX.length()
                ? className.substring(0, className.length() - RESOURCE_SUFFIX.length())
                : className;
        return method.toLowerCase(Locale.ROOT).endsWith(subject.toLowerCase(Locale.ROOT)) ? method : method + subject;
    }

    static String qualified(String operationId, String path) {
        Matcher service = SERVICE.matcher(path);
        if (!service.matches()) {
            return operationId;
        }
        return service.group(1) + Character.toUpperCase(operationId.charAt(0)) + operationId.substring(1);
    }
}
