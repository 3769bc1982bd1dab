package dev.incidentconsole.shell;

import java.util.List;

/** Reading a program's options from its arguments, short-flag clusters ({@code -tAc}) understood. */
public final class Flags {
    private Flags() {
    }

    /**
     * Whether a short option in {@code flags} is given, alone or in a cluster ({@code -tAc}); a letter in
     * {@code valueFlags} takes the rest of its word as its value, so {@code -Ucache} holds no {@code -c}.
     *
     * @param args       the program's arguments
     * @param flags      the option letters looked for
     * @param valueFlags the program's option letters that take a value
     */
    public static boolean hasShort(List<String> args, String flags, String valueFlags) {
        for (String a : args) {
            if (a.length() < 2 || a.charAt(0) != '-' || a.charAt(1) == '-') {
                continue;
            }
            for (int k = 1; k < a.length(); k++) {
                char c = a.charAt(k);
                if (flags.indexOf(c) >= 0) {
                    return true;
                }
                if (valueFlags.indexOf(c) >= 0) {
                    break;
                }
            }
        }
        return false;
    }

    /**
     * Whether any of {@code names} is given: exactly, as {@code --name=value}, or a two-letter short option
     * with its value attached ({@code -eSELECT}).
     */
    public static boolean hasAny(List<String> args, String... names) {
        for (String a : args) {
            for (String f : names) {
                if (a.equals(f) || a.startsWith(f + "=") || (f.length() == 2 && !f.startsWith("--")
                        && a.startsWith(f) && !a.startsWith("--"))) {
                    return true;
                }
            }
        }
        return false;
    }
}
