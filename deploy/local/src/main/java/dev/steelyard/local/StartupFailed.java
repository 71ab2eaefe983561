package dev.steelyard.local;

/** Startup cannot go on; the message says why and where to look (no stack trace for the user). */
final class StartupFailed extends RuntimeException {

    StartupFailed(String message) {
        super(message, null, false, false);
    }
}
