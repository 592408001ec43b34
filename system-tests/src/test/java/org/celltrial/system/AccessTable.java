package org.celltrial.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The expected access decisions, from one table ({@code src/test/resources/access-table.txt}): per operation of the
 * OpenAPI document (method and path template), the roles the gateway lets through, the roles the service itself
 * allows, and how the patient's site scopes it. {@link #expect} turns a row, a caller and a site into the one
 * outcome the suites assert.
 */
final class AccessTable {

    static final Map<String, String> ROLES = Map.of("INV", "investigator", "DM", "data-manager",
            "SO", "safety-officer", "MON", "monitor", "SP", "sponsor", "ADM", "admin");

    enum Scope { NONE, READ, WRITE, LIST }

    enum Via { GATEWAY, DIRECT }

    /** What a request must get. */
    enum Outcome {
        /** not 401 or 403, and no 5xx; a read of a visible patient is not 404 either */
        ALLOWED,
        /** 403 problem */
        FORBIDDEN,
        /** 404: a patient of a site the caller may not read (existence does not leak) */
        HIDDEN
    }

    record Row(String method, String path, Set<String> gatewayRoles, Set<String> serviceRoles, Scope scope) {

        String key() {
            return method + " " + path;
        }

        boolean gatewayOnly() {
            return serviceRoles == null;
        }

        Set<String> roles(Via via) {
            return via == Via.GATEWAY ? gatewayRoles : serviceRoles;
        }

        boolean isRead() {
            return method.equals("GET") || method.equals("HEAD");
        }
    }

    /** Someone calling: roles and the sites of its {@code site} claim. */
    record Caller(String user, Set<String> roles, Set<String> sites) {

        boolean has(String role) {
            return roles.contains(role);
        }

        /** As Caller.visibleSites in common, re-stated here as the rulebook says it (null: every site). */
        Set<String> visibleSites(boolean write) {
            boolean clinical = has("investigator") || has("data-manager") || has("safety-officer") || has("monitor");
            if (write) {
                return has("data-manager") ? null : has("investigator") ? sites : Set.of();
            }
            if (has("data-manager") || has("safety-officer") || (has("sponsor") && !clinical)) {
                return null;
            }
            return has("investigator") || has("monitor") ? sites : Set.of();
        }

        boolean may(boolean write, String site) {
            Set<String> visible = visibleSites(write);
            return visible == null || visible.contains(site);
        }

        @Override
        public String toString() {
            return user + roles;
        }
    }

    final Map<String, Row> rows;

    private AccessTable(Map<String, Row> rows) {
        this.rows = rows;
    }

    static AccessTable load() {
        try (InputStream in = AccessTable.class.getResourceAsStream("/access-table.txt")) {
            Map<String, Row> rows = new LinkedHashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String text = line.strip();
                if (text.isEmpty() || text.startsWith("#")) {
                    continue;
                }
                String[] cells = text.split("\\s+");
                if (cells.length != 5) {
                    throw new IllegalStateException("access-table.txt: 5 columns expected in: " + line);
                }
                Set<String> gateway = roles(cells[2]);
                Set<String> service = cells[3].equals("=") ? gateway : cells[3].equals("n/a") ? null : roles(cells[3]);
                Row row = new Row(cells[0], cells[1], gateway, service, scope(cells[4]));
                if (rows.put(row.key(), row) != null) {
                    throw new IllegalStateException("access-table.txt: two rows for " + row.key());
                }
            }
            return new AccessTable(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> roles(String cell) {
        if (cell.equals("ALL")) {
            return new TreeSet<>(ROLES.values());
        }
        return Arrays.stream(cell.split(",")).map(code -> {
            String role = ROLES.get(code);
            if (role == null) {
                throw new IllegalStateException("access-table.txt: unknown role " + code);
            }
            return role;
        }).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Scope scope(String cell) {
        return switch (cell) {
            case "-" -> Scope.NONE;
            case "read" -> Scope.READ;
            case "write" -> Scope.WRITE;
            case "list" -> Scope.LIST;
            default -> throw new IllegalStateException("access-table.txt: unknown scope " + cell);
        };
    }

    /**
     * The outcome for this caller, on data of this site (the patient's, or the siteCode filter's). Writes are sent
     * with bodies that fail validation, and a service validates a body before it looks the patient up: so for a
     * write only the role decision is observable (the site decision of writes is asserted with valid bodies by
     * AuthorizationMatrixIT#sitesDecideValidWrites).
     */
    static Outcome expect(Row row, Caller caller, String site, Via via) {
        if (row.roles(via).stream().noneMatch(caller::has)) {
            return Outcome.FORBIDDEN;
        }
        return switch (row.scope()) {
            case NONE, WRITE -> Outcome.ALLOWED;
            case READ -> !row.isRead() || caller.may(false, site) ? Outcome.ALLOWED : Outcome.HIDDEN;
            case LIST -> via == Via.GATEWAY && !caller.may(false, site) ? Outcome.FORBIDDEN : Outcome.ALLOWED;
        };
    }

    /**
     * The outcome of a write with a valid body, which reaches the site decision: READ scope for the writes open to
     * clinical readers (adverse events, regrade); WRITE scope for clinical record writes in every service.
     */
    static Outcome expectValidWrite(Row row, Caller caller, String site) {
        if (row.roles(Via.GATEWAY).stream().noneMatch(caller::has)) {
            return Outcome.FORBIDDEN;
        }
        return switch (row.scope()) {
            case NONE, LIST -> Outcome.ALLOWED;
            case READ -> caller.may(false, site) ? Outcome.ALLOWED : Outcome.HIDDEN;
            case WRITE -> !caller.may(false, site) ? Outcome.HIDDEN
                    : caller.may(true, site) ? Outcome.ALLOWED : Outcome.FORBIDDEN;
        };
    }

    /** The operations a caller with these roles may call through the gateway. */
    Set<String> allowedThroughGateway(Set<String> roles) {
        return rows.values().stream().filter(row -> row.gatewayRoles().stream().anyMatch(roles::contains))
                .map(Row::key).collect(Collectors.toCollection(TreeSet::new));
    }
}
