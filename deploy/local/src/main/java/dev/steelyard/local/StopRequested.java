package dev.steelyard.local;

/** A stop was requested while the stack was starting; the supervisor's shutdown hook takes over. */
final class StopRequested extends RuntimeException {

    StopRequested() {
        super("stop requested", null, false, false);
    }
}
