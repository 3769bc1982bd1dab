package dev.incidentconsole.app.gui.search;

import dev.incidentconsole.app.gui.library.SectionTarget;
import dev.incidentconsole.app.gui.util.LatestWins;
import dev.incidentconsole.app.gui.util.TaskExecutor;
import dev.incidentconsole.search.SearchHit;
import dev.incidentconsole.search.SearchQuery;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;

/**
 * State of the search field and its result list: the text, the component filters, the hits, which hit is
 * selected and whether the list is open. Typing is debounced by the injected {@link Debouncer}; searches run on
 * the {@link TaskExecutor}, and a result that arrives after the text changed or a newer search started is dropped.
 * {@link #searchingProperty()} is true from the moment the text changes until its hits are shown. Call every method
 * on the UI thread (the executor's callback thread). Touches no controls.
 */
public final class SearchViewModel {
    /** Hits shown at most: beyond this the engineer should type more, not scroll. */
    public static final int LIMIT = SearchQuery.DEFAULT_LIMIT;

    private final Debouncer debouncer;
    private final Function<SearchQuery, List<SearchHit>> source;
    private final StringProperty text = new SimpleStringProperty("");
    private final ObservableList<SearchHit> results = FXCollections.observableArrayList();
    private final ObservableList<String> components = FXCollections.observableArrayList();
    private final ObservableSet<String> activeComponents = FXCollections.observableSet();
    private final ObservableList<SearchHit> resultsView = FXCollections.unmodifiableObservableList(results);
    private final ObservableList<String> componentsView = FXCollections.unmodifiableObservableList(components);
    private final ObservableSet<String> activeView = FXCollections.unmodifiableObservableSet(activeComponents);
    private final IntegerProperty selected = new SimpleIntegerProperty(-1);
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private Consumer<SectionTarget> opener = target -> { };
    private final LatestWins searches;
    /** Enter came while the hits for the current text were still on their way: open the best one on arrival. */
    private boolean openWhenShown;

    public SearchViewModel(TaskExecutor executor, Debouncer debouncer, Function<SearchQuery, List<SearchHit>> source) {
        this.debouncer = debouncer;
        this.source = source;
        this.searches = executor.latestWins();
        text.addListener((obs, old, now) -> {
            openWhenShown = false;
            if (blank()) {
                cancel();
            } else {
                // Hits for the old text no longer apply, and a search for the new one is on its way.
                searches.supersede();
                searching.set(true);
                debouncer.schedule(this::searchNow);
            }
        });
    }

    /** Where Enter and clicks send the chosen hit (the Runbooks view, in the app). */
    public void setOpener(Consumer<SectionTarget> opener) {
        this.opener = opener;
    }

    /** Runs the current query now (skipping the debounce), e.g. after a filter changed; opens the list. */
    public void searchNow() {
        run(true);
    }

    /** Runs the current query again (the index changed) without opening the list when it is closed. */
    public void refresh() {
        if (!blank()) {
            run(false);
        }
    }

    private void run(boolean reveal) {
        if (blank()) {
            cancel();
            return;
        }
        SearchQuery query = new SearchQuery(text.get(), Set.copyOf(activeComponents), Set.of(), Set.of(), LIMIT);
        searching.set(true);
        searches.submit(() -> source.apply(query), hits -> shown(hits, reveal), e -> {
            searching.set(false);
            openWhenShown = false;
            results.clear();
            selected.set(-1);
            status.set("Search failed (" + e.getClass().getSimpleName() + "); try again, or see the log.");
            open.set(open.get() || reveal);
        });
    }

    private void shown(List<SearchHit> hits, boolean reveal) {
        searching.set(false);
        if (openWhenShown && !hits.isEmpty()) {
            openWhenShown = false;
            results.setAll(hits);
            selected.set(-1);
            open(hits.get(0));
            return;
        }
        openWhenShown = false;
        SearchHit was = selected.get() >= 0 && selected.get() < results.size() ? results.get(selected.get()) : null;
        results.setAll(hits);
        // A refresh (the index changed) keeps the reader on the same hit; a new query starts from the field.
        selected.set(reveal || was == null ? -1 : indexOf(hits, was));
        String filter = activeComponents.isEmpty() ? "" : " in " + String.join(", ", activeComponents.stream().sorted().toList());
        status.set(hits.isEmpty() ? "No matches" + filter + "; try other words or fewer filters."
                : hits.size() >= LIMIT ? "Best " + LIMIT + " matches" + filter + "; type more to narrow them."
                : hits.size() + (hits.size() == 1 ? " match" : " matches") + filter);
        open.set(open.get() || reveal);
    }

    private static int indexOf(List<SearchHit> hits, SearchHit hit) {
        for (int i = 0; i < hits.size(); i++) {
            if (hits.get(i).file().equals(hit.file()) && hits.get(i).line() == hit.line()) {
                return i;
            }
        }
        return -1;
    }

    /** Turns a component filter on or off and searches again at once. */
    public void toggleComponent(String component) {
        if (!activeComponents.remove(component)) {
            activeComponents.add(component);
        }
        searchNow();
    }

    /** The components the index holds, most used first; filters on components that are gone are dropped. */
    public void setComponents(List<String> present) {
        components.setAll(present);
        if (activeComponents.retainAll(present)) {
            searchNow();
        }
    }

    /** Moves the selection down the list (from the field onto the first hit); opens the list if closed. */
    public void moveDown() {
        if (results.isEmpty()) {
            return;
        }
        open.set(true);
        selected.set(Math.min(results.size() - 1, selected.get() + 1));
    }

    /** Moves the selection up; above the first hit nothing is selected (the caret is back in the field). */
    public void moveUp() {
        if (selected.get() >= 0) {
            selected.set(selected.get() - 1);
        }
    }

    /**
     * Opens the selected hit, or the best one when none is selected; false when there is nothing to open. Right
     * after a keystroke the hits shown are for the text before it: Enter then opens the best hit for the text in
     * the field as soon as its search answers.
     */
    public boolean openSelected() {
        if (searching.get()) {
            openWhenShown = true;
            return true;
        }
        if (results.isEmpty()) {
            return false;
        }
        open(results.get(Math.max(0, Math.min(selected.get(), results.size() - 1))));
        return true;
    }

    public void open(SearchHit hit) {
        open.set(false);
        opener.accept(SectionTarget.of(hit, text.get()));
    }

    /** Escape: clears the text when there is some (closing the list), else closes the list; false when neither. */
    public boolean escape() {
        if (!text.get().isEmpty()) {
            text.set("");
            return true;
        }
        boolean wasOpen = open.get();
        open.set(false);
        return wasOpen;
    }

    /** Shows the list again (focus back in the field) when there is something to show. */
    public void reopen() {
        if (!blank() && (!results.isEmpty() || !status.get().isEmpty())) {
            open.set(true);
        }
    }

    public void close() {
        open.set(false);
    }

    private boolean blank() {
        return text.get().isBlank() && activeComponents.isEmpty();
    }

    private void cancel() {
        searches.supersede();
        searching.set(false);
        results.clear();
        selected.set(-1);
        status.set("");
        open.set(false);
    }

    public StringProperty textProperty() {
        return text;
    }

    /** The hits of the latest search, best first. */
    public ObservableList<SearchHit> results() {
        return resultsView;
    }

    /** Components present in the index, offered as filter chips. */
    public ObservableList<String> components() {
        return componentsView;
    }

    public ObservableSet<String> activeComponents() {
        return activeView;
    }

    /** Index of the selected hit; -1 when none (Enter then opens the best hit). */
    public IntegerProperty selectedProperty() {
        return selected;
    }

    /** Whether the result list should be showing. */
    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    /** One line about the results: how many, or why there are none. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
