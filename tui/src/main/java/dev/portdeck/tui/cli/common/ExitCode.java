package dev.portdeck.tui.cli.common;

/** The exit codes of every `portdeck` command, as documented in the README. */
public final class ExitCode {
    /** Success; for `probe`: every target open. */
    public static final int OK = 0;
    /** The panel refused (limit, primary, state, validation); for `probe`: some target not open. */
    public static final int FAILURE = 1;
    /** Bad command line or invalid input, refused before anything was sent. */
    public static final int USAGE = 2;
    /** The panel could not be reached, timed out, answered 5xx or something that is not the API. */
    public static final int UNREACHABLE = 3;
    /** The key was rejected (401) or lacks a permission (403). */
    public static final int AUTH = 4;
    /** `alloc add`: the panel assigned a different ip:port than the one asked for. */
    public static final int NOT_AS_REQUESTED = 5;
    /** The server or allocation does not exist (404). */
    public static final int NOT_FOUND = 6;
    /** Interrupted (Ctrl-C) — the shell convention 128 + SIGINT. */
    public static final int INTERRUPTED = 130;

    private ExitCode() {
    }
}
