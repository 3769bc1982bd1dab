package dev.incidentconsole.health.env;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.incidentconsole.health.Secret;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Jackson deserializers for environment file values: variables, secrets, ports, durations, locations. */
final class Values {
    static final String VARIABLES = "incident.variables";
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)?");

    private Values() {
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("environment-values");
        module.addDeserializer(String.class, new ResolvingDeserializer());
        module.addDeserializer(Secret.class, new SecretDeserializer());
        module.addDeserializer(Duration.class, new DurationDeserializer());
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription desc,
                                                          JsonDeserializer<?> deserializer) {
                return Dto.Located.class.isAssignableFrom(desc.getBeanClass())
                        ? new Locating(deserializer) : deserializer;
            }
        });
        return module;
    }

    /** The dotted path of the value being read, e.g. {@code services[2].port}. */
    static String path(JsonParser p) {
        java.util.Deque<String> segments = new java.util.ArrayDeque<>();
        for (JsonStreamContext c = p.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                segments.addFirst("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.getCurrentName() != null) {
                segments.addFirst(c.getCurrentName());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String s : segments) {
            sb.append(sb.length() > 0 && !s.startsWith("[") ? "." : "").append(s);
        }
        return sb.toString();
    }

    private static Variables variables(DeserializationContext ctxt) {
        return (Variables) ctxt.getAttribute(VARIABLES);
    }

    private static int line(JsonParser p) {
        return p.currentTokenLocation().getLineNr();
    }

    /** Strings with {@code ${VAR}} references resolved. */
    static final class ResolvingDeserializer extends StdScalarDeserializer<String> {
        ResolvingDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = scalar(p, ctxt);
            Variables vars = variables(ctxt);
            return vars == null || !Variables.hasReference(text) ? text : vars.resolve(text, path(p), line(p));
        }
    }

    /** Command text: kept exactly as written so the shell, not the loader, expands its variables. */
    static final class VerbatimDeserializer extends StdScalarDeserializer<String> {
        VerbatimDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return scalar(p, ctxt);
        }
    }

    /** Secrets: resolved like strings; a literal value is noted as written in clear. */
    static final class SecretDeserializer extends StdScalarDeserializer<Secret> {
        SecretDeserializer() {
            super(Secret.class);
        }

        @Override
        public Secret deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = scalar(p, ctxt);
            Variables vars = variables(ctxt);
            if (vars == null || text.isEmpty()) {
                return Secret.of(text);
            }
            if (!Variables.hasReference(text)) {
                vars.clearSecret(path(p), line(p));
                return Secret.of(text);
            }
            return Secret.of(vars.resolve(text, path(p), line(p)));
        }
    }

    /** 1-65535; anything else names the bad value. */
    static final class PortDeserializer extends StdScalarDeserializer<Integer> {
        PortDeserializer() {
            super(Integer.class);
        }

        @Override
        public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = scalar(p, ctxt).trim();
            if (text.matches("\\d{1,5}")) {
                int port = Integer.parseInt(text);
                if (port >= 1 && port <= 65535) {
                    return port;
                }
            }
            throw InvalidFormatException.from(p, "\"" + text + "\" is not a port number (1-65535)", text, Integer.class);
        }
    }

    /** {@code 500ms}, {@code 3s}, {@code 2m}, {@code 1h}, {@code 14d}, ISO {@code PT3S}; a bare number is seconds. */
    static final class DurationDeserializer extends StdScalarDeserializer<Duration> {
        DurationDeserializer() {
            super(Duration.class);
        }

        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = scalar(p, ctxt).trim();
            Duration d = parseDuration(text);
            if (d == null || d.isNegative() || d.isZero()) {
                throw InvalidFormatException.from(p, "\"" + text + "\" is not a duration such as 500ms, 5s, 1m or 14d",
                        text, Duration.class);
            }
            return d;
        }
    }

    static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            double n = Double.parseDouble(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            double millis = switch (unit) {
                case "ms" -> n;
                case "m" -> n * 60_000;
                case "h" -> n * 3_600_000;
                case "d" -> n * 86_400_000;
                default -> n * 1000;
            };
            return Duration.ofMillis(Math.round(millis));
        }
        try {
            return Duration.parse(text.toUpperCase(Locale.ROOT));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String scalar(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING || t.isNumeric() || t.isBoolean()) {
            return p.getText();
        }
        if (t == JsonToken.VALUE_NULL) {
            return "";
        }
        return (String) ctxt.handleUnexpectedToken(String.class, p);
    }

    /** Records where each {@link Dto.Located} object starts, for errors found after binding. */
    static final class Locating extends DelegatingDeserializer {
        Locating(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Locating(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            var start = p.currentTokenLocation();
            Object value = super.deserialize(p, ctxt);
            if (value instanceof Dto.Located located) {
                located.location(start);
            }
            return value;
        }
    }
}
