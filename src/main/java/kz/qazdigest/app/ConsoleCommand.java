package kz.qazdigest.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "console", description = "the bot in the terminal, offline, on the bundled sample feeds")
final class ConsoleCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("qazdigest: 'console' is not built yet");
        return 3;
    }
}
