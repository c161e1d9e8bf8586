package kz.qazdigest.console;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kz.qazdigest.delivery.ChatGateway;
import kz.qazdigest.delivery.OutgoingMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The console's "Telegram": prints each message as readable text (HTML rendered to plain text, links as
 * "title (url)"), an inline keyboard as numbered choices, and remembers those choices so that typing a
 * number presses the button.
 */
public final class ConsoleGateway implements ChatGateway {
    /** A button the user can press by typing its number. */
    public record Choice(int messageId, String callbackData) {}

    private final PrintStream out;
    private final List<Choice> choices = new ArrayList<>();
    private int nextMessageId = 1;

    public ConsoleGateway(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized int send(long chatId, OutgoingMessage message) {
        int id = message.isEdit() ? message.editMessageId() : nextMessageId++;
        StringBuilder text = new StringBuilder();
        if (message.isEdit()) {
            text.append("(updated)\n");
        }
        text.append(message.format() == OutgoingMessage.TextFormat.HTML ? plain(message.text()) : message.text());
        if (!message.keyboard().isEmpty()) {
            choices.clear();
            for (List<OutgoingMessage.InlineButton> row : message.keyboard()) {
                List<String> cells = new ArrayList<>();
                for (OutgoingMessage.InlineButton button : row) {
                    choices.add(new Choice(id, button.callbackData()));
                    cells.add("[" + choices.size() + "] " + button.label());
                }
                text.append('\n').append(String.join("   ", cells));
            }
        }
        out.println(text);
        out.println();
        out.flush();
        return id;
    }

    /** The button numbered {@code n} (from 1) on the last keyboard shown. */
    public synchronized Optional<Choice> choice(int n) {
        return n >= 1 && n <= choices.size() ? Optional.of(choices.get(n - 1)) : Optional.empty();
    }

    /** A button press's toast, shown inline. */
    public synchronized void toast(String text) {
        if (text != null && !text.isBlank()) {
            out.println("  (" + text + ")");
            out.flush();
        }
    }

    /** Telegram HTML as terminal text: tags dropped, entities decoded, links as "title (url)", line breaks kept. */
    static String plain(String html) {
        Document doc = Jsoup.parseBodyFragment(html.replace("\n", "<br>"));
        for (Element a : doc.select("a[href]")) {
            String href = a.attr("href");
            String title = a.text();
            a.replaceWith(new org.jsoup.nodes.TextNode(title.isBlank() || title.equals(href) ? href : title + " (" + href + ")"));
        }
        Document.OutputSettings settings = new Document.OutputSettings().prettyPrint(false);
        doc.outputSettings(settings);
        StringBuilder text = new StringBuilder();
        for (String part : doc.body().html().split("<br>", -1)) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(Jsoup.parseBodyFragment(part).text());
        }
        return text.toString();
    }
}
