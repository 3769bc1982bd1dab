package dev.incidentconsole.health.env;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import java.io.IOException;

/**
 * Keeps an {@code x-} key of the file or of an environment for other modules and tools, as Compose files do.
 * Any other unknown key falls through to Jackson's "unknown field", with its line and the known fields: a
 * misspelt {@code defualts:} or {@code servics:} would otherwise be dropped without a word.
 */
final class ExtensionKeys extends DeserializationProblemHandler {
    static final String PREFIX = "x-";

    @Override
    public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                         Object bean, String name) throws IOException {
        if (bean instanceof Dto.EnvironmentDto environment && name.startsWith(PREFIX)) {
            environment.extensions.put(name, ctxt.readTree(p));
            return true;
        }
        return false;
    }
}
