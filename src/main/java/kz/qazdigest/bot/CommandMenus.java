package kz.qazdigest.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import kz.qazdigest.i18n.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScope;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeChat;
import org.telegram.telegrambots.meta.api.objects.commands.scope.BotCommandScopeDefault;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * The "/" menu in Telegram: the subscriber commands for everyone in kk, ru and en (plus a default without
 * language), and for each admin's private chat the admin commands as well. A failure here is logged, not
 * fatal: the bot answers commands whether or not the menu shows them.
 */
final class CommandMenus {
    private static final Logger log = LoggerFactory.getLogger(CommandMenus.class);

    private CommandMenus() {
    }

    static List<SetMyCommands> build(Messages messages, Set<Long> adminIds) {
        List<SetMyCommands> calls = new ArrayList<>();
        for (String lang : menuLanguages()) {
            calls.add(call(commands(messages, lang, BotModule.USER_COMMANDS), new BotCommandScopeDefault(), lang));
        }
        List<String> all = new ArrayList<>(BotModule.USER_COMMANDS);
        all.addAll(BotModule.ADMIN_COMMANDS);
        for (long admin : adminIds) {
            for (String lang : menuLanguages()) {
                calls.add(call(commands(messages, lang, all), BotCommandScopeChat.builder().chatId(admin).build(), lang));
            }
        }
        return calls;
    }

    static void install(TelegramClient client, Messages messages, Set<Long> adminIds) {
        for (SetMyCommands call : build(messages, adminIds)) {
            try {
                client.execute(call);
            } catch (TelegramApiException e) {
                log.warn("telegram: setMyCommands failed for language {}: {}", call.getLanguageCode(), e.getMessage());
            }
        }
    }

    /** null = the default menu for languages other than ours (English). */
    private static List<String> menuLanguages() {
        List<String> languages = new ArrayList<>();
        languages.add(null);
        languages.addAll(Messages.LANGUAGES);
        return languages;
    }

    private static SetMyCommands call(List<BotCommand> commands, BotCommandScope scope, String lang) {
        return SetMyCommands.builder().commands(commands).scope(scope).languageCode(lang).build();
    }

    private static List<BotCommand> commands(Messages messages, String lang, List<String> names) {
        String words = lang == null ? Messages.DEFAULT_LANGUAGE : lang;
        return names.stream().map(n -> new BotCommand(n, messages.get(words, "command." + n))).toList();
    }
}
