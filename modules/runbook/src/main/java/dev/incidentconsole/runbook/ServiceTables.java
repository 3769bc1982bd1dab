package dev.incidentconsole.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds services in tables that have a service column and a port column ("| Service | Port | Health Check |").
 * Port cells may be written {@code 8000}, {@code :8000}, {@code 8000/tcp}, {@code localhost:8000} or as a URL.
 */
final class ServiceTables {

    private static final Pattern SERVICE_HEADER = Pattern.compile(
            "^(service|services|service name|name|component|components|app|application|server|process|daemon"
                    + "|container)$");
    private static final Pattern PROTOCOL_HEADER = Pattern.compile("^(protocol|proto|scheme|transport|type)$");
    private static final Pattern PORT_HEADER = Pattern.compile("(.*\\b)?ports?(\\b.*)?");
    private static final Pattern MARKUP = Pattern.compile("[*_`:]");
    private static final Pattern CHECK_HEADER = Pattern.compile("health|check|probe|verify|test command");
    /** Optional scheme and host, the port, then an optional /proto suffix or path or aside. */
    private static final Pattern PORT = Pattern.compile(
            "^(?:(?:[a-z][a-z0-9+.-]*://)?(?:[\\w.-]+|\\[[0-9a-f:]+])?:)?(\\d{1,5})"
                    + "(?:/(tcp|udp|sctp)\\b)?(?:[/\\s(,].*)?$",
            Pattern.CASE_INSENSITIVE);

    private ServiceTables() {
    }

    static List<ServiceEntry> read(TableReader.ReadTable read, List<ParseWarning> warnings) {
        List<String> header = read.table().header();
        int service = column(header, SERVICE_HEADER, true);
        int port = portColumn(header);
        if (service < 0 || port < 0) {
            return List.of();
        }
        int protocol = column(header, PROTOCOL_HEADER, true);
        int check = column(header, CHECK_HEADER, false);
        List<ServiceEntry> out = new ArrayList<>();
        List<List<String>> rows = read.table().rows();
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            int line = read.rowLines().get(r);
            String name = clean(cell(row, service));
            String portText = clean(cell(row, port));
            if (name.isEmpty()) {
                continue;
            }
            Matcher m = PORT.matcher(portText);
            int number = m.matches() ? Integer.parseInt(m.group(1)) : -1;
            if (number < 1 || number > 65535) {
                warnings.add(new ParseWarning(line, "port \"" + portText + "\" of service \"" + name
                        + "\" is not a port number; the row was skipped"));
                continue;
            }
            String proto = protocol >= 0 ? clean(cell(row, protocol))
                    : m.group(2) == null ? "" : m.group(2).toUpperCase(Locale.ROOT);
            out.add(new ServiceEntry(name, number, proto, check >= 0 ? clean(cell(row, check)) : "", line));
        }
        return out;
    }

    private static int portColumn(List<String> header) {
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).toLowerCase(Locale.ROOT).strip();
            if (PORT_HEADER.matcher(h).matches() && !h.contains("support") && !h.contains("report")) {
                return i;
            }
        }
        return -1;
    }

    private static int column(List<String> header, Pattern p, boolean whole) {
        for (int i = 0; i < header.size(); i++) {
            String h = MARKUP.matcher(header.get(i).toLowerCase(Locale.ROOT)).replaceAll("").strip();
            if (whole ? p.matcher(h).matches() : p.matcher(h).find()) {
                return i;
            }
        }
        return -1;
    }

    private static String cell(List<String> row, int i) {
        return i < row.size() ? row.get(i) : "";
    }

    /** Cell text is already plain (code spans unwrapped); stray backticks from broken spans go too. */
    private static String clean(String s) {
        return s.replace("`", "").strip();
    }
}
