package dev.incidentconsole.app.cli;

import dev.incidentconsole.incident.Connectivity;
import dev.incidentconsole.incident.Incident;
import dev.incidentconsole.incident.IncidentStore;
import dev.incidentconsole.incident.Receipt;
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
        try (IncidentStore store = parent.openStore(queuesWhenUnreachable())) {
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

    /**
     * Whether this command works during a team store outage, the store opened offline: a command that appends queues
     * its entries in the local journal (sent by the next command or the window) instead of failing; {@code show}
     * prints what that journal keeps.
     */
    boolean queuesWhenUnreachable() {
        return false;
    }

    /** The incident, checked to exist while the store answers; while it is offline the id cannot be checked. */
    Incident requireUnlessOffline(IncidentStore store, String id) throws StoreException {
        return store.connectivity() == Connectivity.OFFLINE ? null : IncidentPrinter.require(store, id);
    }

    /** Says where an entry went: stored, or queued in the journal while the team store is unreachable. */
    void reportQueued(IncidentStore store, Receipt receipt) {
        if (receipt.outcome() == Receipt.Outcome.JOURNALED) {
            err().println("The team store is unreachable: queued in the local journal (" + store.pendingEntries()
                    + " waiting). The next incident command or the window sends it once the store answers.");
        }
    }

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
