/**
 * Dialogs over the dashboard and the conversations behind them (ask, send, tell the panel's answer); they never block
 * the GUI thread.
 */
package dev.portdeck.tui.dashboard.dialog;
