package dev.incidentconsole.search;

import dev.incidentconsole.runbook.RunbookFiles;
import java.nio.file.Path;
import java.util.List;

/**
 * A new process's search, as the command line runs it, with or without {@link SearchWarmUp} started first
 * (usage: {@code INDEX_FOLDER RUNBOOK_FOLDER warm|cold QUERY...}); prints every hit's fields. For
 * {@link SearchWarmUpTest}.
 */
public final class WarmUpSearchMain {

    private WarmUpSearchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args[2].equals("warm")) {
            SearchWarmUp.start();
        }
        List<Path> files = RunbookFiles.find(Path.of(args[1]));
        StringBuilder out = new StringBuilder();
        try (RunbookIndex index = RunbookIndex.stored(Path.of(args[0]), files, Synonyms.bundled(), IndexListener.NONE)) {
            for (int i = 3; i < args.length; i++) {
                out.append("query ").append(args[i]).append('\n');
                for (SearchHit hit : index.search(SearchQuery.of(args[i]))) {
                    out.append(hit.file()).append(' ').append(hit.pathString()).append(' ').append(hit.line())
                            .append(' ').append(hit.score()).append(' ').append(hit.snippet().text()).append(' ')
                            .append(hit.matched()).append('\n');
                }
            }
        }
        System.out.print(out);
    }
}
