package dev.incidentconsole.incident.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.databind.JsonNode;
import dev.incidentconsole.incident.EntryBody;
import dev.incidentconsole.incident.IncidentJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** docs/incident-json-schema.md must describe every kind and every field the export writes. */
class JsonSchemaDocTest {

    @Test
    void theSchemaDocumentNamesEveryKindAndField() throws Exception {
        String dir = System.getProperty("incident.project.dir");
        Assumptions.assumeTrue(dir != null && Files.exists(Path.of(dir, "docs/incident-json-schema.md")),
                "docs/incident-json-schema.md not found (incident.project.dir unset); skipping the drift check");
        String doc = Files.readString(Path.of(dir, "docs/incident-json-schema.md"));
        for (JsonSubTypes.Type t : EntryBody.class.getAnnotation(JsonSubTypes.class).value()) {
            assertThat(doc).as("kind %s", t.name()).contains("| `" + t.name() + "` |");
        }
        IncidentExportTestSupport.sampleJsonTrees().forEach(tree -> fieldsOf(tree, doc));
    }

    private static void fieldsOf(JsonNode node, String doc) {
        if (node.isObject()) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                assertThat(doc).as("field %s", name).contains("`" + name + "`");
                if (!name.equals("labels")) { // alert labels are data, not schema
                    fieldsOf(node.get(name), doc);
                }
            }
        } else if (node.isArray()) {
            node.forEach(n -> fieldsOf(n, doc));
        }
    }

    /** Keeps the sample in one place. */
    static final class IncidentExportTestSupport {
        private IncidentExportTestSupport() {
        }

        static java.util.List<JsonNode> sampleJsonTrees() throws Exception {
            return java.util.List.of(IncidentJson.mapper().readTree(IncidentExport.json(
                    IncidentExportTest.sample(), ExportOptions.defaults())));
        }
    }
}
