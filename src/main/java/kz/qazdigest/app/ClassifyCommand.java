package kz.qazdigest.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "classify", description = "print language, topics and summary of a text (first line = title)")
final class ClassifyCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("qazdigest: 'classify' is not built yet");
        return 3;
    }
}
