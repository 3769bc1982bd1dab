package dev.incidentconsole.shell;

import java.util.ArrayList;
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

    /**
     * Where a short option's value is written.
     *
     * @param arg  index of the argument holding the value
     * @param from index in that argument where the value starts: after the letter for an attached value
     *             ({@code -pSECRET}, {@code -uroot}), 0 for a value given as the next argument
     */
    public record Value(int arg, int from) {
    }

    /**
     * The values given to the short option {@code letter}, alone or at the end of a cluster ({@code -tAc},
     * {@code -uroot -pX}); options before {@code --} only. A letter in {@code valueFlags} takes the rest of its
     * word, or the next argument, as its own value, so {@code -h -p} holds no {@code -p} option.
     *
     * @param args          the program's arguments
     * @param letter        the option looked for
     * @param valueFlags    the program's other option letters that take a value
     * @param attachedOnly  the option's value is only ever attached ({@code mysql -pX}: a lone {@code -p} prompts)
     * @param stopAtOperand options end at the first operand ({@code sshpass -p X ssh -p 22}: the rest is the
     *                      command's)
     * @return the values in order; empty when the option is not given or has no value
     */
    public static List<Value> shortValues(List<String> args, char letter, String valueFlags, boolean attachedOnly,
                                          boolean stopAtOperand) {
        List<Value> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                break;
            }
            if (a.length() < 2 || a.charAt(0) != '-' || a.charAt(1) == '-') {
                if (stopAtOperand && !a.startsWith("--")) {
                    break;
                }
                continue;
            }
            for (int k = 1; k < a.length(); k++) {
                char c = a.charAt(k);
                boolean attached = k + 1 < a.length();
                if (c == letter) {
                    if (attached) {
                        out.add(new Value(i, k + 1));
                    } else if (!attachedOnly && i + 1 < args.size() && !args.get(i + 1).startsWith("-")) {
                        // a flag after it means the value is asked for (mongosh -p --authenticationDatabase x)
                        out.add(new Value(++i, 0));
                    }
                    break;
                }
                if (valueFlags.indexOf(c) >= 0) {
                    i += attached ? 0 : 1;
                    break;
                }
            }
        }
        return out;
    }
}
