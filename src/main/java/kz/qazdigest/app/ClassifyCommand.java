package kz.qazdigest.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import kz.qazdigest.config.Settings;
import kz.qazdigest.config.SettingsLoader;
import kz.qazdigest.text.Analysis;
import kz.qazdigest.text.TextAnalyzer;
import kz.qazdigest.topic.TaxonomyException;
import kz.qazdigest.topic.TopicMatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code classify FILE|-}: language, topics (with the words that matched) and summary of one text, first line
 * the title; the tool admins use to tune config/topics.yml. {@code --json} prints one JSON object.
 */
@Command(name = "classify", description = "print language, topics and summary of a text (first line = title)")
final class ClassifyCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE|-", description = "UTF-8 text file, or - for standard input")
    String file;

    @Option(names = "--json", description = "one JSON object: {\"lang\":..,\"topics\":[{\"id\":..,\"matched\":[..]}],\"summary\":..}")
    boolean json;

    @Spec
    CommandSpec spec;

    private final Map<String, String> env;
    private final InputStream stdin;

    ClassifyCommand() {
        this(System.getenv(), System.in);
    }

    ClassifyCommand(Map<String, String> env, InputStream stdin) {
        this.env = env;
        this.stdin = stdin;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String text;
        try {
            text = "-".equals(file) ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            err.println("qazdigest: classify: no such file: " + file);
            return 2;
        } catch (IOException e) {
            err.println("qazdigest: classify: cannot read " + file + ": " + e.getMessage());
            return 2;
        }
        Settings settings = SettingsLoader.load(env);
        TextAnalyzer analyzer;
        try {
            analyzer = TextAnalyzer.load(settings.text());
        } catch (TaxonomyException e) {
            throw new StartupException(e.getMessage());
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int nl = text.indexOf('\n');
        String title = nl < 0 ? text : text.substring(0, nl);
        String body = nl < 0 ? "" : text.substring(nl + 1);
        Analysis analysis = analyzer.analyze(title, body);
        out.println(json ? toJson(analysis) : toText(analysis));
        out.flush();
        return 0;
    }

    static String toJson(Analysis analysis) throws JsonProcessingException {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        root.put("lang", analysis.lang());
        ArrayNode topics = root.putArray("topics");
        for (TopicMatch m : analysis.topics()) {
            ObjectNode t = topics.addObject();
            t.put("id", m.topicId());
            ArrayNode matched = t.putArray("matched");
            m.matched().forEach(matched::add);
        }
        root.put("summary", analysis.summary());
        return mapper.writeValueAsString(root);
    }

    static String toText(Analysis analysis) {
        StringBuilder sb = new StringBuilder();
        sb.append("language: ").append(analysis.lang()).append('\n');
        sb.append("topics:");
        if (analysis.topics().isEmpty()) {
            sb.append(" (none)");
        }
        sb.append('\n');
        for (TopicMatch m : analysis.topics()) {
            sb.append("  ").append(m.topicId()).append(": ").append(String.join(", ", m.matched())).append('\n');
        }
        sb.append("summary: ").append(analysis.summary());
        return sb.toString();
    }
}
