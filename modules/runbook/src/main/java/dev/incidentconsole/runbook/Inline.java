package dev.incidentconsole.runbook;

/** A run of text inside a paragraph, list item, heading or table cell, with its style. */
public record Inline(String text, Style style) {
    public enum Style { PLAIN, STRONG, EMPHASIS, CODE, LINK }
}
