package dev.incidentconsole.app.gui.dashboard;

import dev.incidentconsole.app.services.LinkedSection;
import dev.incidentconsole.health.FiringAlert;

/**
 * A firing Alertmanager alert as the dashboard lists it.
 *
 * @param alert  the alert
 * @param source the Alertmanager service that reported it
 * @param link   the runbook section that names the alert, or {@code null} when no runbook does
 */
public record AlertRow(FiringAlert alert, String source, LinkedSection link) {
}
