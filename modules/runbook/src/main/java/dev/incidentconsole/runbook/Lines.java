package dev.incidentconsole.runbook;

import java.util.List;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;

/** 1-based source lines of commonmark block nodes (parsed with {@code IncludeSourceSpans.BLOCKS}). */
final class Lines {

    private Lines() {
    }

    static int start(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            List<SourceSpan> spans = n.getSourceSpans();
            if (!spans.isEmpty()) {
                return spans.get(0).getLineIndex() + 1;
            }
        }
        return 1;
    }

    static int end(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? start(node) : spans.get(spans.size() - 1).getLineIndex() + 1;
    }
}
