package dev.incidentconsole.app.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the user chose and the app keeps between runs. Immutable; change it with the {@code with...} methods
 * and store it with {@link SettingsStore}.
 *
 * @param runbookFolders folders searched besides the bundled (or opened) runbooks, absolute, no duplicates
 * @param synonymsFile   a Solr-format synonyms file added to the bundled rules, or {@code null}
 * @param storeUrl       the team incident store, a {@code jdbc:postgresql://} URL without a password, or
 *                       {@code null} for the embedded store (see {@link StoreChoice})
 * @param storeUser      login for the team store, or {@code null} when the URL (or {@code PGUSER}) names it
 * @param theme          {@code "dark"}, or {@code null} for the light theme
 * @param alertSeverities an alert's {@code severity} label (lower case) to the incident severity it suggests
 *                        ({@code P0}-{@code P3}), on top of the defaults of {@code AlertSeverity}; empty for none
 * @param workspace       the runbook folder the window opens (see {@link Workspace}), or {@code null} for the bundled demo
 * @param recentWorkspaces folders opened before, most recent first, at most {@link #RECENT_WORKSPACES}, no duplicates
 */
public record Settings(List<Path> runbookFolders, Path synonymsFile, String storeUrl, String storeUser,
                       String theme, Map<String, String> alertSeverities, Path workspace,
                       List<Path> recentWorkspaces) {

    public static final String DARK = "dark";
    /** How many recent workspaces are kept. */
    public static final int RECENT_WORKSPACES = 8;

    public Settings {
        runbookFolders = runbookFolders == null ? List.of()
                : runbookFolders.stream().filter(p -> p != null).map(Settings::clean).distinct().toList();
        synonymsFile = synonymsFile == null ? null : clean(synonymsFile);
        storeUrl = blankToNull(storeUrl);
        storeUser = blankToNull(storeUser);
        theme = DARK.equalsIgnoreCase(blankToNull(theme)) ? DARK : null;
        alertSeverities = alertSeverities == null ? Map.of() : Map.copyOf(alertSeverities);
        workspace = workspace == null ? null : clean(workspace);
        recentWorkspaces = recentWorkspaces == null ? List.of()
                : recentWorkspaces.stream().filter(p -> p != null).map(Settings::clean).distinct()
                .limit(RECENT_WORKSPACES).toList();
    }

    /** Settings without a chosen workspace (as written before workspaces were kept). */
    public Settings(List<Path> runbookFolders, Path synonymsFile, String storeUrl, String storeUser,
                    String theme, Map<String, String> alertSeverities) {
        this(runbookFolders, synonymsFile, storeUrl, storeUser, theme, alertSeverities, null, List.of());
    }

    /** Settings without alert severity overrides (as written before they could be set). */
    public Settings(List<Path> runbookFolders, Path synonymsFile, String storeUrl, String storeUser, String theme) {
        this(runbookFolders, synonymsFile, storeUrl, storeUser, theme, Map.of());
    }

    /** Settings without a theme choice (as written before the theme was kept). */
    public Settings(List<Path> runbookFolders, Path synonymsFile, String storeUrl, String storeUser) {
        this(runbookFolders, synonymsFile, storeUrl, storeUser, null);
    }

    /** Settings without a team store (as written before the store could be chosen here). */
    public Settings(List<Path> runbookFolders, Path synonymsFile) {
        this(runbookFolders, synonymsFile, null, null);
    }

    /** No extra folders, no synonyms file, the embedded incident store. */
    public static Settings defaults() {
        return new Settings(List.of(), null, null, null, null);
    }

    /** These settings with {@code folder} added at the end (unchanged when it is already there). */
    public Settings withFolder(Path folder) {
        List<Path> folders = new ArrayList<>(runbookFolders);
        folders.add(folder);
        return new Settings(folders, synonymsFile, storeUrl, storeUser, theme, alertSeverities, workspace, recentWorkspaces);
    }

    public Settings withoutFolder(Path folder) {
        Path gone = clean(folder);
        return new Settings(runbookFolders.stream().filter(p -> !p.equals(gone)).toList(), synonymsFile, storeUrl,
                storeUser, theme, alertSeverities, workspace, recentWorkspaces);
    }

    /** These settings with another synonyms file; {@code null} removes it. */
    public Settings withSynonymsFile(Path file) {
        return new Settings(runbookFolders, file, storeUrl, storeUser, theme, alertSeverities, workspace, recentWorkspaces);
    }

    /** These settings with another team store; a {@code null} or blank URL means the embedded store. */
    public Settings withStore(String url, String user) {
        String u = blankToNull(url);
        return new Settings(runbookFolders, synonymsFile, u, u == null ? null : user, theme, alertSeverities, workspace, recentWorkspaces);
    }

    /** These settings with the runbook folders and synonyms file of {@code other}, the rest kept. */
    public Settings withSearchOf(Settings other) {
        return new Settings(other.runbookFolders, other.synonymsFile, storeUrl, storeUser, theme, alertSeverities, workspace, recentWorkspaces);
    }

    /** These settings with the dark or the light theme. */
    public Settings withDark(boolean dark) {
        return new Settings(runbookFolders, synonymsFile, storeUrl, storeUser, dark ? DARK : null, alertSeverities, workspace, recentWorkspaces);
    }

    /**
     * These settings with {@code folder} as the workspace, put first in the recent list (which keeps
     * {@link #RECENT_WORKSPACES}); {@code null} goes back to the bundled demo and leaves the list alone.
     */
    public Settings withWorkspace(Path folder) {
        List<Path> recent = new ArrayList<>();
        if (folder != null) {
            recent.add(folder);
        }
        recent.addAll(recentWorkspaces);
        return new Settings(runbookFolders, synonymsFile, storeUrl, storeUser, theme, alertSeverities, folder, recent);
    }

    /** These settings without {@code folder} among the recent workspaces (nor as the workspace). */
    public Settings withoutWorkspace(Path folder) {
        Path gone = clean(folder);
        return new Settings(runbookFolders, synonymsFile, storeUrl, storeUser, theme, alertSeverities,
                gone.equals(workspace) ? null : workspace, recentWorkspaces.stream().filter(p -> !p.equals(gone)).toList());
    }

    /** Whether the dark theme was chosen. */
    public boolean dark() {
        return DARK.equals(theme);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Path clean(Path p) {
        return p.toAbsolutePath().normalize();
    }
}
