package dev.incidentconsole.runbook;

import java.util.List;

/**
 * Where curl's user and cookies stand among its arguments: {@code CurlArgs} reads their values, the masker needs the
 * argument that holds each, to mask it in place.
 */
final class CurlHolders {
    private CurlHolders() {
    }

    /** The argument holding curl's {@code user} (the last one given wins): alone, or attached to its option; -1 if none. */
    static int user(List<String> values, String user) {
        for (int k = values.size() - 1; user != null && k >= 0; k--) {
            String v = values.get(k);
            if (v.endsWith(user) && (v.length() == user.length() || v.startsWith("-"))) {
                return k;
            }
        }
        return -1;
    }

    /**
     * The argument from {@code from} on holding {@code cookie}, the next of curl's cookies in order: after
     * {@code -b} or {@code --cookie} (alone or ending a cluster), or attached to it; -1 if none.
     */
    static int cookie(List<String> values, String cookie, int from) {
        for (int k = from; k < values.size(); k++) {
            String v = values.get(k);
            String option = k > 0 ? values.get(k - 1) : "";
            boolean afterOption = option.equals("--cookie")
                    || option.length() > 1 && option.charAt(0) == '-' && option.charAt(1) != '-' && option.endsWith("b");
            if (v.endsWith(cookie) && (v.length() == cookie.length() ? afterOption : v.startsWith("-"))) {
                return k;
            }
        }
        return -1;
    }
}
