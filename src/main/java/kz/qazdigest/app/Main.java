package kz.qazdigest.app;

import kz.qazdigest.config.InvalidSettingException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code java -jar qazdigest.jar run|console|poll-once|classify}. */
@Command(name = "qazdigest", mixinStandardHelpOptions = true, version = "qazdigest 0.1",
        description = "Telegram digests of Kazakhstan foreign-policy news, filtered by topic.",
        subcommands = {RunCommand.class, ConsoleCommand.class, PollOnceCommand.class, ClassifyCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns the exit code (tests call this instead of main). */
    public static int execute(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof InvalidSettingException || e instanceof StartupException) {
                // one clear line for the operator, no stack trace
                commandLine.getErr().println("qazdigest: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
