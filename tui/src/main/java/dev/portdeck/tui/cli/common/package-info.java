/**
 * What every command shares: the panel options, the environment and prompt, the exit codes and how a failure becomes
 * one sentence, --verbose logging, durations, --listen addresses and the version. Depends on no other cli package.
 */
package dev.portdeck.tui.cli.common;
