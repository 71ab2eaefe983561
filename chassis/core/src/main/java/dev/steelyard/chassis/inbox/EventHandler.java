package dev.steelyard.chassis.inbox;

import dev.steelyard.chassis.events.IncomingEvent;

/** A consumer's effect of one event, run inside the inbox transaction. */
@FunctionalInterface
public interface EventHandler {

    void handle(IncomingEvent event);
}
