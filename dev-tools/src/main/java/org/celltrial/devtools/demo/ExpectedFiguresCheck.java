package org.celltrial.devtools.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Compares a study summary with the figures the study file expects ({@code expected}), nothing else: no call, no
 * output. Every expected field must be in the summary with that value (numbers compared as decimals, so 75 is 75.0);
 * fields the file does not name are not compared, except in the counts by grade or category, where a key the file
 * does not list must count nobody. Keys starting with '_' are comments.
 */
public final class ExpectedFiguresCheck {

    private ExpectedFiguresCheck() {
    }

    /** Where the summary differs from the expected figures, one line each; empty when it shows them all. */
    public static List<String> differences(JsonNode expected, JsonNode summary) {
        List<String> differences = new ArrayList<>();
        compare("", expected, summary, differences);
        return differences;
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> differences) {
        if (expected.isObject()) {
            for (Map.Entry<String, JsonNode> field : expected.properties()) {
                if (!field.getKey().startsWith("_")) {
                    compare(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(),
                            actual.path(field.getKey()), differences);
                }
            }
            boolean counts = path.endsWith("ByMaxGrade") || path.endsWith("ByCategory");
            if (counts && actual.isObject()) {
                actual.properties().forEach(field -> {
                    if (!expected.has(field.getKey()) && field.getValue().asInt(0) != 0) {
                        differences.add(path + "." + field.getKey() + ": expected 0 (or absent), was " + field.getValue());
                    }
                });
            }
        } else if (expected.isNumber()) {
            if (!actual.isNumber() || actual.decimalValue().compareTo(expected.decimalValue()) != 0) {
                differences.add(path + ": expected " + expected + ", was " + describe(actual));
            }
        } else if (!expected.equals(actual)) {
            differences.add(path + ": expected " + expected + ", was " + describe(actual));
        }
    }

    private static String describe(JsonNode node) {
        return node.isMissingNode() ? "missing" : node.toString();
    }
}
