package dev.incidentconsole.runbook;

import static dev.incidentconsole.runbook.HostDangers.danger;
import static dev.incidentconsole.runbook.HostDangers.join;

import java.util.List;
import java.util.Set;

/**
 * Destructive commands on the system itself: recursive ownership or permission changes on {@code /} or a
 * top-level folder ({@code chown -R app /var/lib/app} is routine and not flagged), deleting user accounts,
 * moving files onto {@code /dev/null}, removing LVM volumes and ZFS pools or datasets, zapping partition
 * tables, taking a network link down, destroying virtual machines and resetting a Kubernetes node.
 */
final class SystemDangers {

    /**
     * The programs these rules know: exactly those {@code check} names, as {@link DangerRules} sends a command only
     * to the rules that know its program (DangerDispatchTest keeps the two equal); also for spotting them inside
     * {@code docker exec} and the like.
     */
    static final Set<String> PROGRAMS = Set.of("chmod", "chown", "chgrp", "userdel", "deluser", "groupdel", "delgroup",
            "mv", "lvremove", "vgremove", "pvremove", "zpool", "zfs", "sgdisk", "ip", "ifdown", "virsh", "kubeadm");

    private SystemDangers() {
    }

    /** @param args the program name first, then its arguments, quotes removed */
    static Danger check(String program, List<String> args) {
        return switch (program) {
            case "chmod", "chown", "chgrp" -> recursiveFromTop(program, args);
            case "userdel", "deluser" -> danger("user-delete", "Deletes the user account " + HostDangers.operands(args)
                    + "; its processes lose their owner and, with -r/--remove-home, its home folder is deleted.");
            case "groupdel", "delgroup" -> danger("user-delete", "Deletes the group " + HostDangers.operands(args)
                    + "; files and users that relied on it lose that access.");
            case "mv" -> moveToNull(args);
            case "lvremove", "vgremove", "pvremove" -> danger("lvm-remove", "Removes LVM volumes ("
                    + HostDangers.operands(args) + "); the data on them is gone.");
            case "zpool", "zfs" -> args.contains("destroy") ? danger("zfs-destroy",
                    "Destroys the ZFS " + (program.equals("zpool") ? "pool" : "dataset or snapshot")
                            + " and every file in it.") : null;
            case "sgdisk" -> args.contains("--zap-all") || args.contains("-Z") || args.contains("--clear")
                    || args.contains("-o") ? danger("partition-wipe",
                    "Wipes the partition table of " + HostDangers.operands(args) + "; its file systems become unreachable.")
                    : null;
            case "ip" -> args.contains("link") && args.contains("set") && args.contains("down") ? danger("link-down",
                    "Takes a network interface down; everything using it, your SSH session included, loses the network.")
                    : null;
            case "ifdown" -> danger("link-down", "Takes the network interface " + HostDangers.operands(args)
                    + " down; everything using it, your SSH session included, loses the network.");
            case "virsh" -> args.contains("destroy") || args.contains("undefine") ? danger("vm-destroy",
                    "Stops the virtual machine at once (destroy) or deletes its definition (undefine).") : null;
            case "kubeadm" -> args.contains("reset") ? danger("kubeadm-reset",
                    "Resets this Kubernetes node: its cluster state and certificates are wiped.") : null;
            default -> null;
        };
    }

    private static Danger recursiveFromTop(String program, List<String> args) {
        boolean recursive = args.stream().anyMatch(a -> a.equals("--recursive")
                || (a.startsWith("-") && !a.startsWith("--") && a.indexOf('R') > 0));
        if (!recursive) {
            return null;
        }
        List<String> operands = HostDangers.operandList(args);
        List<String> paths = operands.size() > 1 ? operands.subList(1, operands.size()) : List.of();
        List<String> top = paths.stream().filter(SystemDangers::topLevel).toList();
        if (top.isEmpty()) {
            return null;
        }
        String what = program.equals("chmod") ? "the permissions" : program.equals("chown") ? "the owner" : "the group";
        return danger("recursive-permissions", "Changes " + what + " of everything under " + join(top)
                + "; system files lose the ones sudo, ssh and services rely on.");
    }

    /** {@code /}, {@code /*} or a folder right below the root ({@code /etc}, {@code /var/}). */
    private static boolean topLevel(String path) {
        if (!path.startsWith("/")) {
            return false;
        }
        String rest = path.replaceAll("^/+", "").replaceAll("/+$", "");
        return !rest.contains("/");
    }

    private static Danger moveToNull(List<String> args) {
        List<String> operands = HostDangers.operandList(args);
        if (operands.size() >= 2 && operands.get(operands.size() - 1).equals("/dev/null")) {
            return danger("mv-dev-null", "Moves " + join(operands.subList(0, operands.size() - 1))
                    + " onto /dev/null: the files are gone, and as root /dev/null itself is replaced.");
        }
        return null;
    }
}
