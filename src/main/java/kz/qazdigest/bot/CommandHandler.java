package kz.qazdigest.bot;

/** One command (or button family): does its one job and answers through the request. */
@FunctionalInterface
interface CommandHandler {
    void handle(Request request);
}
