package kz.qazdigest.bot;

import kz.qazdigest.delivery.OutgoingMessage;
import kz.qazdigest.i18n.Messages;

/** One update being handled: who asked, in which language to answer, and how to answer. */
final class Request {
    private final Incoming incoming;
    private final Command command;
    private final String lang;
    private final Messages messages;
    private final Replies replies;

    Request(Incoming incoming, Command command, String lang, Messages messages, Replies replies) {
        this.incoming = incoming;
        this.command = command;
        this.lang = lang;
        this.messages = messages;
        this.replies = replies;
    }

    Incoming incoming() {
        return incoming;
    }

    long chatId() {
        return incoming.chatId();
    }

    long userId() {
        return incoming.userId();
    }

    /** The command's arguments, "" for none or for a button press. */
    String args() {
        return command == null ? "" : command.args();
    }

    Command command() {
        return command;
    }

    String lang() {
        return lang;
    }

    /** The same request answered in another language (after /lang). */
    Request inLanguage(String other) {
        return new Request(incoming, command, other, messages, replies);
    }

    String text(String key, Object... args) {
        return messages.get(lang, key, args);
    }

    void reply(String key, Object... args) {
        send(OutgoingMessage.plain(text(key, args)));
    }

    void send(OutgoingMessage message) {
        replies.send(incoming.chatId(), message);
    }

    void hint(String key, Object... args) {
        replies.hint(incoming.chatId(), OutgoingMessage.plain(text(key, args)));
    }
}
