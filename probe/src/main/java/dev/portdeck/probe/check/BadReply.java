package dev.portdeck.probe.check;

/** A reply that does not follow its protocol; the message says how, in a few words a user can read. */
final class BadReply extends Exception {

    BadReply(String reason) {
        super(reason, null, false, false); // no stack trace: a hostile server is a result, not a bug
    }
}
