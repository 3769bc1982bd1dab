package dev.incidentconsole.runbook;

import dev.incidentconsole.shell.Flags;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Destructive commands on a host: deleting files ({@code rm}, {@code find -delete}, {@code shred},
 * {@code truncate}), killing processes ({@code kill -9}, {@code pkill}, {@code killall}), stopping
 * services ({@code systemctl stop/disable/mask}; a restart only of a data service, {@link DataServices}), power and disks
 * ({@code reboot}, {@code shutdown}, {@code mkfs}, {@code dd of=/dev/...}), firewalls
 * ({@code iptables -j DROP}, {@code -F}, {@code nft flush}) and history ({@code git push --force},
 * {@code reset --hard}, {@code clean -f}). {@code rm} of files under {@code /tmp/} or {@code /var/tmp/}
 * is scratch clean-up and is not flagged.
 */
final class HostDangers {

    private static final Set<String> GENTLE_SIGNALS = Set.of(
            "0", "1", "HUP", "SIGHUP", "USR1", "SIGUSR1", "USR2", "SIGUSR2", "CONT", "SIGCONT", "WINCH", "SIGWINCH");
    /** Verbs of systemctl and service that restart a unit (judged by {@link DataServices}). */
    /** Verbs of systemctl, service and init scripts that restart a unit (judged by {@link DataServices}); force-reload
     * is absent: it reloads the configuration of a unit that can, and clients keep their connections. */
    private static final Set<String> RESTARTS = Set.of("restart", "try-restart", "reload-or-restart",
            "try-reload-or-restart", "condrestart");
    private static final Set<String> SYSTEMCTL_STOPS = Set.of(
            "stop", "disable", "mask", "kill", "poweroff", "reboot", "halt", "isolate", "rescue", "emergency", "kexec");

    /**
     * The programs these rules know: exactly those {@code check} names, as {@link DangerRules} sends a command only
     * to the rules that know its program (DangerDispatchTest keeps the two equal); also for spotting them inside
     * {@code docker exec} and the like.
     */
    static final Set<String> PROGRAMS = Set.of("rm", "find", "shred", "wipefs", "truncate", "kill", "pkill", "killall",
            "reboot", "halt", "poweroff", "shutdown", "init", "telinit", "mke2fs", "dd", "systemctl", "service", "invoke-rc.d",
            "iptables", "ip6tables", "nft", "git", "crontab", "rsync", "journalctl");

    private HostDangers() {
    }

    /** @param args the program name first, then its arguments, quotes removed */
    static Danger check(String program, List<String> args) {
        return switch (program) {
            case "rm" -> rm(args);
            case "find" -> args.contains("-delete") ? danger("find-delete",
                    "Deletes every file find matches; check the match with -print first.") : null;
            case "shred", "wipefs" -> danger("shred", "Destroys the contents of " + operands(args) + " (" + program + ").");
            case "truncate" -> Flags.hasAny(args, "-s", "--size") ? danger("truncate-file",
                    "Cuts " + operands(withoutSize(args)) + " to the given size; the removed content is lost.") : null;
            case "kill" -> killSignal(args) ? danger("kill-9",
                    "Sends SIGKILL: the process dies without cleanup and may leave data half written.") : null;
            case "pkill", "killall" -> gentle(args) ? null : danger(program,
                    "Signals every process whose name matches (" + program + "), which can hit more than intended.");
            case "reboot", "halt", "poweroff" -> danger("reboot",
                    "Takes the machine down (" + program + "); everything on it is unavailable until it is back.");
            case "shutdown" -> args.contains("-c") ? null : danger("reboot",
                    "Shuts the machine down; everything on it is unavailable until it is back.");
            case "init", "telinit" -> args.contains("0") || args.contains("6") ? danger("reboot",
                    "Changes the runlevel to halt or reboot the machine.") : null;
            case "mke2fs" -> danger("mkfs", "Creates a new filesystem on " + operands(args) + ", erasing everything on it.");
            case "dd" -> dd(args);
            case "systemctl" -> systemctl(args);
            case "service", "invoke-rc.d" -> service(operandList(args));
            case "iptables", "ip6tables" -> iptables(args);
            case "nft" -> nft(args);
            case "git" -> git(args);
            case "journalctl" -> args.stream().anyMatch(a -> a.startsWith("--vacuum-")) ? danger("journal-vacuum",
                    "Deletes archived journal files beyond the limit; those logs are gone.") : null;
            case "crontab" -> args.contains("-r") ? danger("crontab-remove", "Removes the user's whole crontab.") : null;
            case "rsync" -> args.stream().anyMatch(a -> a.startsWith("--delete")) ? danger("rsync-delete",
                    "Deletes files at the rsync destination that are missing from the source.") : null;
            default -> program.startsWith("mkfs") ? danger("mkfs",
                    "Creates a new filesystem on " + operands(args) + ", erasing everything on it.")
                    : initScript(args.get(0)) ? service(operandList(args).isEmpty() ? List.of()
                    : List.of(program, operandList(args).get(0))) : null;
        };
    }

    private static Danger rm(List<String> args) {
        List<String> targets = operandList(args);
        if (targets.isEmpty() || targets.stream().allMatch(HostDangers::scratch)) {
            return null;
        }
        boolean recursive = args.stream().anyMatch(a -> a.equals("--recursive")
                || (a.startsWith("-") && !a.startsWith("--") && (a.indexOf('r') > 0 || a.indexOf('R') > 0)));
        return recursive
                ? danger("rm-recursive", "Deletes " + join(targets) + " and everything below; files cannot be recovered.")
                : danger("rm", "Deletes " + join(targets) + "; files cannot be recovered.");
    }

    /** A path under /tmp or /var/tmp that names something specific (not the whole directory or a bare glob). */
    private static boolean scratch(String path) {
        for (String root : List.of("/tmp/", "/var/tmp/")) {
            if (path.startsWith(root) && path.length() > root.length() && !path.contains("..")
                    && !path.contains("$") && !path.substring(root.length()).startsWith("*")) {
                return true;
            }
        }
        return false;
    }

    private static boolean killSignal(List<String> args) {
        for (int k = 1; k < args.size(); k++) {
            String a = args.get(k).toUpperCase(Locale.ROOT);
            if (a.equals("-9") || a.equals("-KILL") || a.equals("-SIGKILL")) {
                return true;
            }
            if ((a.equals("-S") || a.equals("-N") || a.equals("--SIGNAL")) && k + 1 < args.size()) {
                String sig = args.get(k + 1).toUpperCase(Locale.ROOT);
                if (sig.equals("9") || sig.equals("KILL") || sig.equals("SIGKILL")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when pkill/killall is given a signal that does not end the process (reload, status). */
    private static boolean gentle(List<String> args) {
        for (int k = 1; k < args.size(); k++) {
            String a = args.get(k).toUpperCase(Locale.ROOT);
            if ((a.equals("-S") || a.equals("--SIGNAL")) && k + 1 < args.size()) {
                return GENTLE_SIGNALS.contains(args.get(k + 1).toUpperCase(Locale.ROOT));
            }
            if (a.startsWith("--SIGNAL=")) {
                return GENTLE_SIGNALS.contains(a.substring(9));
            }
            if (a.startsWith("-") && GENTLE_SIGNALS.contains(a.substring(1))) {
                return true;
            }
        }
        return false;
    }

    private static Danger dd(List<String> args) {
        for (String a : args) {
            if (a.startsWith("of=/dev/") && !Set.of("of=/dev/null", "of=/dev/stdout", "of=/dev/stderr").contains(a)) {
                return danger("dd-device", "Writes raw data to " + a.substring(3) + ", overwriting what is there.");
            }
        }
        return null;
    }

    /** Whether {@code path} is a SysV init script, run as {@code /etc/init.d/postgresql restart}. */
    static boolean initScript(String path) {
        return path.startsWith("/etc/init.d/") || path.startsWith("/etc/rc.d/init.d/");
    }

    /** {@code service NAME VERB} (and invoke-rc.d, an init script): {@code operands} are the name, then the verb. */
    private static Danger service(List<String> operands) {
        if (operands.size() < 2) {
            return null;
        }
        String verb = operands.get(1);
        return "stop".equals(verb) ? danger("systemd-stop",
                "Stops " + operands.get(0) + ": the service is down until it is started again.")
                : RESTARTS.contains(verb) ? DataServices.restart(operands.subList(0, 1)) : null;
    }

    private static Danger systemctl(List<String> args) {
        int verb = CommandWords.firstOperand(args, 1, Set.of("-H", "--host", "-M", "--machine", "-p", "--property",
                "-t", "--type", "-s", "--signal", "--state", "-n", "--lines", "-o", "--output"));
        if (verb >= 0 && RESTARTS.contains(args.get(verb)) && !Flags.hasAny(args, "-h", "--help")) {
            return DataServices.restart(args.subList(verb + 1, args.size()).stream().filter(a -> !a.startsWith("-")).toList());
        }
        if (verb < 0 || !SYSTEMCTL_STOPS.contains(args.get(verb))) {
            return null;
        }
        String what = verb + 1 < args.size() ? join(args.subList(verb + 1, args.size())) : "the machine";
        return switch (args.get(verb)) {
            case "stop" -> danger("systemd-stop", "Stops " + what + ": the service is down until it is started again.");
            case "disable" -> danger("systemd-disable", "Disables " + what + " so it no longer starts at boot.");
            case "mask" -> danger("systemd-mask", "Masks " + what + ": it cannot be started at all until unmasked.");
            case "kill" -> danger("systemd-kill", "Sends a signal to every process of " + what + ".");
            default -> danger("reboot", "Takes the machine down or out of service (systemctl " + args.get(verb) + ").");
        };
    }

    private static Danger iptables(List<String> args) {
        for (int k = 1; k < args.size(); k++) {
            String a = args.get(k);
            String next = k + 1 < args.size() ? args.get(k + 1).toUpperCase(Locale.ROOT) : "";
            if ((a.equals("-j") || a.equals("--jump")) && (next.equals("DROP") || next.equals("REJECT"))) {
                return danger("firewall-drop", "Adds a firewall rule that drops traffic; a wrong match can cut off"
                        + " clients, including your own SSH session.");
            }
            if (a.equals("-F") || a.equals("--flush") || a.equals("-X") || a.equals("--delete-chain")) {
                return danger("firewall-flush", "Flushes firewall rules: what they blocked or allowed changes at once.");
            }
            if ((a.equals("-P") || a.equals("--policy")) && k + 2 < args.size()
                    && Set.of("DROP", "REJECT").contains(args.get(k + 2).toUpperCase(Locale.ROOT))) {
                return danger("firewall-drop", "Sets a default DROP policy; anything not allowed is cut off at once.");
            }
        }
        return null;
    }

    private static Danger nft(List<String> args) {
        List<String> lower = args.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList();
        if (lower.contains("flush") || lower.contains("delete")) {
            return danger("firewall-flush", "Removes nftables rules: what they blocked or allowed changes at once.");
        }
        if ((lower.contains("add") || lower.contains("insert")) && (lower.contains("drop") || lower.contains("reject"))) {
            return danger("firewall-drop", "Adds a firewall rule that drops traffic; a wrong match can cut off"
                    + " clients, including your own SSH session.");
        }
        return null;
    }

    private static Danger git(List<String> args) {
        int sub = CommandWords.firstOperand(args, 1, Set.of("-C", "-c", "--git-dir", "--work-tree"));
        String verb = sub < 0 ? "" : args.get(sub);
        boolean dryRun = args.contains("-n") || args.contains("--dry-run");
        if (verb.equals("push") && !dryRun && args.stream().anyMatch(a -> a.equals("-f") || a.startsWith("--force")
                || (a.startsWith("+") && a.length() > 1))) {
            return danger("git-force-push", "Force-pushes, overwriting the remote branch history for everyone.");
        }
        if (verb.equals("reset") && args.contains("--hard")) {
            return danger("git-reset-hard", "Discards uncommitted changes in the working tree.");
        }
        if (verb.equals("clean") && !dryRun && args.stream().anyMatch(a -> a.matches("-[a-zA-Z]*f[a-zA-Z]*|--force"))
                && args.stream().noneMatch(a -> a.matches("-[a-zA-Z]*n[a-zA-Z]*"))) {
            return danger("git-clean", "Deletes untracked files from the working tree.");
        }
        return null;
    }

    static List<String> operandList(List<String> args) {
        List<String> operands = new java.util.ArrayList<>();
        boolean options = true;
        for (int k = 1; k < args.size(); k++) {
            String a = args.get(k);
            if (options && "--".equals(a)) {
                options = false;
            } else if (!options || !a.startsWith("-") || a.length() == 1) {
                operands.add(a);
            }
        }
        return operands;
    }

    /** truncate's arguments without its size ({@code -s 0}), which is not a file it cuts. */
    private static List<String> withoutSize(List<String> args) {
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-s") || a.equals("--size")) {
                i++;
            } else if (!a.startsWith("--size=") && !(a.startsWith("-s") && a.length() > 2)) {
                out.add(a);
            }
        }
        return out;
    }

    static String operands(List<String> args) {
        List<String> operands = operandList(args);
        return operands.isEmpty() ? "the target" : join(operands);
    }

    /** Names for a reason sentence, shortened so a long glob or list stays readable. */
    static String join(List<String> items) {
        String all = String.join(" ", items);
        return all.length() > 80 ? all.substring(0, 77) + "..." : all;
    }

    static Danger danger(String rule, String reason) {
        return new Danger(rule, reason);
    }
}
