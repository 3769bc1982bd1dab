package dev.incidentconsole.health.env;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.incidentconsole.health.Secret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment file as written (keys in kebab-case), bound by Jackson before validation. Public
 * fields because Jackson fills them; nothing outside this package sees these classes.
 */
final class Dto {
    private Dto() {
    }

    /** Where an object started in the file; set by {@link Locating}. */
    abstract static class Located {
        private JsonLocation location;

        void location(JsonLocation value) {
            this.location = value;
        }

        int line() {
            return location == null ? 0 : location.getLineNr();
        }
    }

    static final class FileDto extends EnvironmentDto {
        @JsonProperty("default")
        public String defaultName;
        public Map<String, EnvironmentDto> environments;
    }

    static class EnvironmentDto extends Located {
        public Boolean production;
        public String description;
        public String secrets;
        public DefaultsDto defaults;
        public List<ServiceDto> services;
        public JsonNode targets;
        /** Its {@code x-} keys, kept as trees for other modules ({@link ExtensionKeys}). */
        final Map<String, JsonNode> extensions = new LinkedHashMap<>();
    }

    static final class DefaultsDto extends Located {
        public String host;
        public Duration interval;
        public Duration timeout;
        public Integer retries;
        public Duration retryInterval;
        public Duration latencyThreshold;
    }

    static final class ServiceDto extends Located {
        public String name;
        public String host;
        @JsonDeserialize(using = Values.PortDeserializer.class)
        public Integer port;
        public Duration interval;
        public Duration timeout;
        public Integer retries;
        public Duration retryInterval;
        public Duration latencyThreshold;
        public List<String> tags = new ArrayList<>();
        public List<String> components = new ArrayList<>();
        public List<String> runbooks = new ArrayList<>();
        public HttpDto http;
        public TcpDto tcp;
        public HttpDto websocket;
        public PostgresDto postgres;
        public RedisDto redis;
        public CommandDto command;
        public AlertmanagerDto alertmanager;
        /** A Prometheus whose own firing alerts are listed (a team without an Alertmanager); same shape. */
        public AlertmanagerDto prometheus;
    }

    /** {@code http: /health}, {@code http: https://host/health} or the full object. */
    static final class HttpDto extends Located {
        public String url;
        public String path;
        public String scheme;
        public String method;
        public Map<String, Secret> headers = new LinkedHashMap<>();
        public BasicAuthDto basicAuth;
        public List<String> status = new ArrayList<>();
        public ExpectDto expect;
        public TlsDto tls;

        HttpDto() {
        }

        /**
         * Jackson hands a String creator the raw text, past the resolving deserializer, so the short form's
         * {@code ${VAR}}s are filled by the mapper ({@code ServiceMapper}); the object form's are filled already.
         */
        boolean shortForm;

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        HttpDto(String urlOrPath) {
            this.shortForm = true;
            if (urlOrPath.startsWith("/")) {
                this.path = urlOrPath;
            } else {
                this.url = urlOrPath;
            }
        }
    }

    static final class TcpDto extends Located {
    }

    static final class BasicAuthDto extends Located {
        public String user;
        public Secret password;
    }

    static final class ExpectDto extends Located {
        public String pointer;
        public String value;
        public String contains;
    }

    static final class TlsDto extends Located {
        public boolean insecure;
        public String caFile;
        public Duration expiryWarning;
    }

    static final class PostgresDto extends Located {
        public String database;
        public String user;
        public Secret password;
        public String sslmode;
        public String query;
        public String expect;
    }

    static final class RedisDto extends Located {
        public String user;
        public Secret password;
        public String infoField;
        public String expect;
    }

    /** {@code command: "pg_isready -h db"} or the object; the command text is never substituted. */
    static final class CommandDto extends Located {
        @JsonDeserialize(using = Values.VerbatimDeserializer.class)
        public String run;
        public Map<String, Secret> env = new LinkedHashMap<>();
        public String target;

        CommandDto() {
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        CommandDto(@JsonDeserialize(using = Values.VerbatimDeserializer.class) String run) {
            this.run = run;
        }
    }

    /** {@code alertmanager: http://localhost:9093} (or {@code prometheus: http://localhost:9090}) or the object. */
    static final class AlertmanagerDto extends Located {
        public String url;
        public BasicAuthDto basicAuth;
        public Map<String, Secret> headers = new LinkedHashMap<>();

        AlertmanagerDto() {
        }

        /** As {@link HttpDto#shortForm}. */
        boolean shortForm;

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        AlertmanagerDto(String url) {
            this.shortForm = true;
            this.url = url;
        }
    }
}
