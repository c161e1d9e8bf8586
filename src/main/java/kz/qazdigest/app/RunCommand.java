package kz.qazdigest.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "run", description = "the Telegram bot (long polling)")
final class RunCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("qazdigest: 'run' is not built yet");
        return 3;
    }
}
