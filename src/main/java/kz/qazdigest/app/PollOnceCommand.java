package kz.qazdigest.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "poll-once", description = "fetch every feed once and print what is new")
final class PollOnceCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("qazdigest: 'poll-once' is not built yet");
        return 3;
    }
}
