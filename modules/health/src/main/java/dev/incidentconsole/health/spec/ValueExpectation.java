package dev.incidentconsole.health.spec;

import java.math.BigDecimal;

/**
 * A condition on a single value: {@code healthy}, {@code = master}, {@code != 0}, {@code < 90},
 * {@code <= 90}, {@code > 0}, {@code >= 1}. Comparisons other than (in)equality are numeric.
 */
public record ValueExpectation(Op op, String operand) {

    public enum Op {
        EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /**
     * Parses an expectation.
     *
     * @throws IllegalArgumentException when an ordering comparison has no number, with a message for the user
     */
    public static ValueExpectation parse(String text) {
        String t = text.trim();
        for (String sym : new String[] {"<=", ">=", "!=", "<", ">", "=="}) {
            if (t.startsWith(sym)) {
                return make(opOf(sym), t.substring(sym.length()).trim(), text);
            }
        }
        if (t.startsWith("=")) {
            return make(Op.EQ, t.substring(1).trim(), text);
        }
        return new ValueExpectation(Op.EQ, t);
    }

    /**
     * Tests a value.
     *
     * @return {@code null} when the value meets the expectation, else a phrase such as
     *         {@code got 95, expected < 90}
     */
    public String test(String actual) {
        boolean ok;
        if (op == Op.EQ || op == Op.NE) {
            boolean equal = actual != null && (actual.equals(operand) || numericEqual(actual, operand));
            ok = (op == Op.EQ) == equal;
        } else {
            BigDecimal value = number(actual);
            if (value == null) {
                return "got " + quote(actual) + ", expected a number " + this;
            }
            int cmp = value.compareTo(new BigDecimal(operand));
            ok = switch (op) {
                case LT -> cmp < 0;
                case LE -> cmp <= 0;
                case GT -> cmp > 0;
                case GE -> cmp >= 0;
                default -> false;
            };
        }
        return ok ? null : "got " + quote(actual) + ", expected " + this;
    }

    @Override
    public String toString() {
        return op == Op.EQ ? operand : op.symbol() + " " + operand;
    }

    private static ValueExpectation make(Op op, String operand, String text) {
        if (op != Op.EQ && op != Op.NE && number(operand) == null) {
            throw new IllegalArgumentException("\"" + text.trim() + "\" compares with a non-number");
        }
        return new ValueExpectation(op, operand);
    }

    private static Op opOf(String sym) {
        return switch (sym) {
            case "<=" -> Op.LE;
            case ">=" -> Op.GE;
            case "!=" -> Op.NE;
            case "<" -> Op.LT;
            case ">" -> Op.GT;
            default -> Op.EQ;
        };
    }

    private static boolean numericEqual(String a, String b) {
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        return x != null && y != null && x.compareTo(y) == 0;
    }

    private static BigDecimal number(String s) {
        if (s == null) {
            return null;
        }
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String quote(String s) {
        return s == null ? "nothing" : "\"" + s + "\"";
    }
}
