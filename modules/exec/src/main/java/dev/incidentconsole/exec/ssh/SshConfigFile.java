package dev.incidentconsole.exec.ssh;

import dev.incidentconsole.exec.ExecException;
import dev.incidentconsole.exec.LocalUser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts of OpenSSH's {@code ~/.ssh/config} that decide how to reach a host: {@code Host} blocks with
 * wildcard and negated patterns, {@code Include}, and HostName, User, Port, IdentityFile, IdentitiesOnly,
 * ProxyJump, UserKnownHostsFile. Hand-written because sshj reads known_hosts but has no ssh_config reader. As in
 * OpenSSH the first value found for a keyword wins, except IdentityFile, which accumulates. {@code Match}
 * blocks are skipped (logged). Immutable and thread-safe once loaded.
 */
public final class SshConfigFile {
    private static final Logger LOG = LoggerFactory.getLogger(SshConfigFile.class);
    private static final int MAX_INCLUDE_DEPTH = 8;

    private record Option(String keyword, String value, String where) {
    }

    private record Block(List<String> patterns, List<Option> options) {
        boolean matches(String alias) {
            boolean any = false;
            for (String p : patterns) {
                boolean negated = p.startsWith("!");
                if (glob(negated ? p.substring(1) : p, alias)) {
                    if (negated) {
                        return false;
                    }
                    any = true;
                }
            }
            return any;
        }
    }

    private final List<Block> blocks;
    private final LocalUser user;
    private final Path home;

    private SshConfigFile(List<Block> blocks, LocalUser user) {
        this.blocks = List.copyOf(blocks);
        this.user = user;
        this.home = user.home();
    }

    /**
     * No configuration: every alias resolves to itself on port 22, as {@code user}.
     *
     * @param user whose login name is the default {@code User}, whose home holds {@code ~/.ssh}
     */
    public static SshConfigFile empty(LocalUser user) {
        return new SshConfigFile(List.of(), user);
    }

    /** The home folder {@code ~} stands for in this configuration: the local user's. */
    public Path home() {
        return home;
    }

    /** The local user: the default login name ({@code User}), {@code ~}, and {@code $SSH_AUTH_SOCK}. */
    public LocalUser user() {
        return user;
    }

    /** {@code ~/.ssh/config} of the user whose home is {@code home}. */
    public static Path defaultPath(Path home) {
        return home.resolve(".ssh").resolve("config");
    }

    /**
     * Reads {@code file} and its includes; a missing file is an empty configuration.
     *
     * @param user whose login name is the default {@code User} and whose home {@code ~} stands for
     */
    public static SshConfigFile load(Path file, LocalUser user) throws ExecException {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block(List.of("*"), new ArrayList<>()));
        if (Files.exists(file)) {
            read(file, user.home(), blocks, 0);
        }
        return new SshConfigFile(blocks, user);
    }

    private static void read(Path file, Path home, List<Block> blocks, int depth) throws ExecException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ExecException(ExecException.Reason.CONFIG_INVALID, "Cannot read SSH config " + file + ": "
                    + e.getMessage() + ".", e);
        }
        boolean skipping = false;
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] kv = line.split("[\\s=]+", 2);
            String keyword = kv[0].toLowerCase(Locale.ROOT);
            List<String> args = kv.length > 1 ? words(kv[1]) : List.of();
            String where = file + ":" + (n + 1);
            if (keyword.equals("host")) {
                blocks.add(new Block(args, new ArrayList<>()));
                skipping = false;
            } else if (keyword.equals("match")) {
                LOG.info("{}: Match blocks are not supported; skipping it", where);
                skipping = true;
            } else if (keyword.equals("include") && !skipping) {
                include(args, file, home, blocks, depth, where);
            } else if (!skipping && !args.isEmpty()) {
                blocks.get(blocks.size() - 1).options().add(new Option(keyword, String.join(" ", args), where));
            }
        }
    }

    private static void include(List<String> patterns, Path from, Path home, List<Block> blocks, int depth,
                                String where) throws ExecException {
        if (depth >= MAX_INCLUDE_DEPTH) {
            throw new ExecException(ExecException.Reason.CONFIG_INVALID, where + ": Include nests deeper than "
                    + MAX_INCLUDE_DEPTH + " levels; check for an include loop.");
        }
        for (String pattern : patterns) {
            Path p = pattern.startsWith("~/") ? home.resolve(pattern.substring(2)) : Path.of(pattern);
            Path abs = p.isAbsolute() ? p : home.resolve(".ssh").resolve(p);
            Path dir = abs.getParent();
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + abs.getFileName());
            if (dir == null || !Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(f -> matcher.matches(f.getFileName())).sorted().toList()) {
                    read(f, home, blocks, depth + 1);
                }
            } catch (IOException e) {
                throw new ExecException(ExecException.Reason.CONFIG_INVALID, where + ": cannot list " + dir
                        + " for Include: " + e.getMessage() + ".", e);
            }
        }
    }

    /** Splits on whitespace, honouring double quotes. */
    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                inWord = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (inWord) {
                    out.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            out.add(word.toString());
        }
        return out;
    }

    static boolean glob(String pattern, String text) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : java.util.regex.Pattern.quote(String.valueOf(c)));
        }
        return java.util.regex.Pattern.compile(regex.toString(), java.util.regex.Pattern.CASE_INSENSITIVE)
                .matcher(text).matches();
    }

    /** Concrete aliases named in Host lines (no wildcards, no negations), in file order, for a host picker. */
    public List<String> aliases() {
        return blocks.stream().flatMap(b -> b.patterns().stream())
                .filter(p -> !p.contains("*") && !p.contains("?") && !p.startsWith("!")).distinct().toList();
    }

    /**
     * How to reach {@code alias}, applying every matching Host block in order.
     *
     * @throws ExecException {@code CONFIG_INVALID} naming the file and line of a bad Port value
     */
    public SshHost resolve(String alias) throws ExecException {
        Map<String, Option> first = new LinkedHashMap<>();
        List<Path> identities = new ArrayList<>();
        for (Block block : blocks) {
            if (!block.matches(alias)) {
                continue;
            }
            for (Option o : block.options()) {
                if (o.keyword().equals("identityfile")) {
                    identities.add(path(expand(o.value(), alias, first)));
                } else {
                    first.putIfAbsent(o.keyword(), o);
                }
            }
        }
        String host = first.containsKey("hostname") ? expand(first.get("hostname").value(), alias, first) : alias;
        int port = 22;
        if (first.containsKey("port")) {
            Option o = first.get("port");
            try {
                port = Integer.parseInt(o.value());
            } catch (NumberFormatException e) {
                throw new ExecException(ExecException.Reason.CONFIG_INVALID, o.where() + ": Port '" + o.value()
                        + "' is not a number; fix it in the SSH config.");
            }
        }
        String login = first.containsKey("user") ? first.get("user").value() : user.name();
        String jump = first.containsKey("proxyjump") ? first.get("proxyjump").value() : null;
        Path knownHosts = first.containsKey("userknownhostsfile")
                ? path(words(first.get("userknownhostsfile").value()).get(0)) : null;
        boolean identitiesOnly = first.containsKey("identitiesonly")
                && first.get("identitiesonly").value().equalsIgnoreCase("yes");
        return new SshHost(alias, host, port, login, identities, jump, knownHosts, identitiesOnly);
    }

    private String expand(String value, String alias, Map<String, Option> found) {
        String remote = found.containsKey("user") ? found.get("user").value() : user.name();
        return value.replace("%%", "\u0000").replace("%h", alias).replace("%r", remote)
                .replace("%u", user.name()).replace("%d", home.toString()).replace("\u0000", "%");
    }

    private Path path(String value) {
        return value.startsWith("~/") ? home.resolve(value.substring(2)) : Path.of(value);
    }
}
