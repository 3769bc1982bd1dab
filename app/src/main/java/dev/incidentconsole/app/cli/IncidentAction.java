package dev.incidentconsole.app.cli;

import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.StoreException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * Common part of the {@code incident} subcommands: opens the store, runs {@link #call(IncidentStore)} and
 * turns store and file errors into one line on stderr and exit code 1 (never a stack trace).
 */
abstract class IncidentAction implements Callable<Integer> {
    @ParentCommand
    IncidentCommand parent;

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        try (IncidentStore store = parent.openStore()) {
            int code = call(store);
            out().flush();
            return code;
        } catch (StoreException | IOException e) {
            out().flush();
            err().println(e.getMessage());
            err().flush();
            return 1;
        }
    }

    abstract int call(IncidentStore store) throws StoreException, IOException;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    String author() {
        return parent.author();
    }
}
