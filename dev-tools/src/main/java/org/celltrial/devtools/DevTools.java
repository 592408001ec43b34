package org.celltrial.devtools;

import java.util.Arrays;

import org.celltrial.devtools.demo.DemoCommand;

/**
 * What {@code ./suite} runs besides the services, one subcommand each:
 * <pre>
 * java -jar dev-tools/target/celltrial-dev-tools-runnable.jar postgres ensure HOST PORT USER | embedded PORT DATA_DIR
 * java -jar dev-tools/target/celltrial-dev-tools-runnable.jar demo [--gateway URL] [--keycloak URL] [--study FILE] ...
 * </pre>
 * See {@link DevPostgres} and {@link DemoCommand}; the exit status is theirs, 64 for an unknown subcommand.
 */
public final class DevTools {

    private DevTools() {
    }

    public static void main(String[] args) throws Exception {
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        String subcommand = args.length == 0 ? "" : args[0];
        int status = switch (subcommand) {
            case "postgres" -> DevPostgres.run(rest);
            case "demo" -> DemoCommand.run(rest, System.out, System.err);
            default -> {
                System.err.println("usage: java -jar celltrial-dev-tools-runnable.jar postgres ensure HOST PORT USER"
                        + " | postgres embedded PORT DATA_DIR | demo [OPTIONS] (demo --help)");
                yield 64;
            }
        };
        System.exit(status);
    }
}
