package kz.qazdigest.bot;

/** Acknowledges a button press (Telegram's answerCallbackQuery; the console shows the toast inline). */
@FunctionalInterface
public interface CallbackAnswers {
    void answer(String callbackId, String text);
}
