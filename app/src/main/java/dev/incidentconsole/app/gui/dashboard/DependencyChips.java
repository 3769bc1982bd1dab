package dev.incidentconsole.app.gui.dashboard;

import dev.incidentconsole.health.Dependency;
import java.util.List;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;

/**
 * A service row's dependency chips on one line, never more: the chips that fit the width, then a "+N" chip whose
 * tooltip lists the others. The row keeps its fixed height (the list lays out hundreds of rows without measuring
 * them) and nothing is clipped, however narrow the window. Chips are made again only when a dependency came, went
 * or changed status.
 */
final class DependencyChips extends Region {
    /** Chips made at most; the rest are counted in the "+N" chip. */
    static final int MAX_CHIPS = 6;
    private static final double GAP = 4;

    private final Label more = new Label();
    /** Never shown: "+" and the count of all, the widest the "+N" chip gets, measured with the chip's style. */
    private final Label widest = new Label();
    private final Tooltip moreTip = new Tooltip();
    private List<Dependency> shown = List.of();

    DependencyChips() {
        getStyleClass().add("dependency-chips");
        more.getStyleClass().add("dependency-more");
        more.setTooltip(moreTip);
        more.setVisible(false);
        more.setMinWidth(USE_PREF_SIZE);
        widest.getStyleClass().add("dependency-more");
        widest.setVisible(false);
        widest.setManaged(false);
        getChildren().addAll(widest, more);
        setMinWidth(0);
        // No line at all until there are chips: an empty one would push the row's reason up.
        setVisible(false);
        setManaged(false);
    }

    /** Shows {@code all} (the row's dependencies, in the order reported). */
    void show(List<Dependency> all) {
        if (all.equals(shown)) {
            return;
        }
        boolean sameChips = all.size() == shown.size();
        for (int i = 0; sameChips && i < all.size(); i++) {
            sameChips = all.get(i).name().equals(shown.get(i).name()) && all.get(i).status() == shown.get(i).status();
        }
        shown = List.copyOf(all);
        widest.setText("+" + all.size());
        List<Node> chips = chips();
        if (sameChips) {
            for (int i = 0; i < chips.size(); i++) {
                ((Label) chips.get(i)).getTooltip().setText(chipTip(all.get(i)));
            }
        } else {
            chips.clear();
            getChildren().addAll(0, all.stream().limit(MAX_CHIPS).map(DependencyChips::chip).toList());
        }
        setVisible(!all.isEmpty());
        setManaged(!all.isEmpty());
        requestLayout();
    }

    /** How many dependencies the "+N" chip stands for (0 when every one has its chip on screen). */
    int hidden() {
        return more.isVisible() ? shown.size() - placed() : 0;
    }

    private int placed() {
        int n = 0;
        for (Node chip : chips()) {
            if (chip.isVisible()) {
                n++;
            }
        }
        return n;
    }

    /** The dependencies' own chips, in order (the measuring and "+N" labels come last). */
    private List<Node> chips() {
        return getChildren().subList(0, getChildren().size() - 2);
    }

    @Override
    protected void layoutChildren() {
        List<Node> chips = chips();
        double width = getWidth() - snappedLeftInset() - snappedRightInset();
        double height = getHeight() - snappedTopInset() - snappedBottomInset();
        // Room kept for the "+N" chip whenever a dependency might not get its own.
        double moreWidth = widest.prefWidth(-1);
        double x = snappedLeftInset();
        int fit = 0;
        for (int i = 0; i < chips.size(); i++) {
            Node chip = chips.get(i);
            double w = chip.prefWidth(-1);
            boolean last = i == shown.size() - 1;
            double needed = (x - snappedLeftInset()) + w + (last ? 0 : GAP + moreWidth);
            if (needed > width) {
                break;
            }
            chip.resizeRelocate(x, snappedTopInset(), w, Math.min(height, chip.prefHeight(w)));
            chip.setVisible(true); // no change, no event, when it already is: the layout settles in one pass
            x += w + GAP;
            fit++;
        }
        for (int i = fit; i < chips.size(); i++) {
            chips.get(i).setVisible(false);
        }
        int rest = shown.size() - fit;
        more.setVisible(rest > 0);
        if (rest > 0) {
            String text = "+" + rest;
            if (!text.equals(more.getText())) {
                more.setText(text);
            }
            String tip = shown.subList(fit, shown.size()).stream().map(DependencyChips::chipTip)
                    .collect(Collectors.joining("\n"));
            if (!tip.equals(moreTip.getText())) {
                moreTip.setText(tip);
            }
            more.resizeRelocate(x, snappedTopInset(), more.prefWidth(-1), Math.min(height, more.prefHeight(-1)));
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        double w = snappedLeftInset() + snappedRightInset();
        for (Node chip : chips()) {
            w += chip.prefWidth(-1) + GAP;
        }
        return shown.size() > MAX_CHIPS ? w + widest.prefWidth(-1) : Math.max(0, w - GAP);
    }

    @Override
    protected double computePrefHeight(double width) {
        double h = widest.prefHeight(-1);
        for (Node chip : chips()) {
            h = Math.max(h, chip.prefHeight(-1));
        }
        return snappedTopInset() + h + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computeMaxHeight(double width) {
        return computePrefHeight(width);
    }

    static Label chip(Dependency d) {
        Label chip = new Label(d.name(), StatusLook.icon(d.status()));
        chip.getStyleClass().addAll("dependency-chip", StatusLook.styleClass(d.status()));
        chip.setTooltip(new Tooltip(chipTip(d)));
        chip.setMinWidth(Region.USE_PREF_SIZE);
        return chip;
    }

    private static String chipTip(Dependency d) {
        return d.name() + ": " + d.raw() + (d.message().isEmpty() ? "" : " (" + d.message() + ")")
                + (d.latencyMs() >= 0 ? ", " + d.latencyMs() + " ms" : "");
    }
}
