package kz.qazdigest.topic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kz.qazdigest.text.TextNormalizer;

/**
 * The topics subscribers can choose, read from config/topics.yml (format documented at the top of that
 * file): ids, categories, display names in kk/ru/en, and the compiled match rules {@link TopicMatcher} uses.
 * Immutable and thread-safe.
 */
public final class Taxonomy implements TopicCatalog {
    public static final String DEFAULT_RESOURCE = "config/topics.yml";
    /** Bumped when matching itself changes, so stored items are re-tagged even if topics.yml did not change. */
    static final String MATCHER_VERSION = "matcher-2";

    private static final Set<String> CATEGORIES = Set.of("country", "organisation", "region", "theme");
    private static final Set<String> LANGS = Set.of("kk", "ru", "en", "all");
    private static final Set<String> KEYS = Set.of(
            "id", "category", "names", "terms", "signals", "strong", "exclude", "exclude_near", "need", "members");

    private final List<TopicRules> rules;
    private final List<TopicInfo> infos;
    private final List<Term> terms;
    private final Map<String, TopicInfo> byKey;
    private final String hash;

    private Taxonomy(List<TopicRules> rules, List<Term> terms, String hash) {
        this.rules = List.copyOf(rules);
        this.infos = rules.stream().map(TopicRules::info).toList();
        this.terms = List.copyOf(terms);
        this.hash = hash;
        Map<String, TopicInfo> keys = new HashMap<>();
        for (TopicInfo info : infos) {
            keys.putIfAbsent(key(info.id()), info);
        }
        for (TopicInfo info : infos) {
            info.names().values().forEach(name -> keys.putIfAbsent(key(name), info));
        }
        this.byKey = Map.copyOf(keys);
    }

    /** Reads {@code file}, or the copy packed in the jar ({@value #DEFAULT_RESOURCE}) when the file does not exist. */
    public static Taxonomy load(Path file) {
        if (Files.isRegularFile(file)) {
            try {
                return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
            } catch (IOException e) {
                throw new TaxonomyException("taxonomy: cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        try (InputStream in = Taxonomy.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new TaxonomyException("taxonomy: " + file + " not found and no built-in " + DEFAULT_RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new TaxonomyException("taxonomy: cannot read classpath:" + DEFAULT_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** Parses topics.yml text; {@code source} names it in error messages. */
    public static Taxonomy parse(String yaml, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        } catch (IOException e) {
            throw new TaxonomyException(source + ": not valid YAML: " + firstLine(e.getMessage()), e);
        }
        JsonNode list = root == null ? null : root.get("topics");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new TaxonomyException(source + ": expected a non-empty list under 'topics'");
        }
        List<TopicRules> rules = new ArrayList<>();
        List<Term> terms = new ArrayList<>();
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (JsonNode node : list) {
            String id = node.path("id").asText("");
            String where = source + ": topic '" + id + "'";
            if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                throw new TaxonomyException(source + ": topic id '" + id + "' must be lowercase letters, digits and hyphens");
            }
            if (ids.containsKey(id)) {
                throw new TaxonomyException(where + " is defined twice");
            }
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!KEYS.contains(key)) {
                    throw new TaxonomyException(where + ": unknown key '" + key + "' (known: " + KEYS + ")");
                }
            }
            String category = node.path("category").asText("");
            if (!CATEGORIES.contains(category)) {
                throw new TaxonomyException(where + ": category must be one of " + CATEGORIES + ", not '" + category + "'");
            }
            Map<String, String> names = new LinkedHashMap<>();
            for (String lang : List.of("kk", "ru", "en")) {
                String name = node.path("names").path(lang).asText("").trim();
                if (name.isEmpty()) {
                    throw new TaxonomyException(where + ": names." + lang + " is missing");
                }
                names.put(lang, name);
            }
            int index = rules.size();
            ids.put(id, index);
            compileTerms(node.path("terms"), Term.Kind.NAME, index, where + " terms", terms);
            compileTerms(node.path("signals"), Term.Kind.SIGNAL, index, where + " signals", terms);
            compileTerms(node.path("strong"), Term.Kind.STRONG, index, where + " strong", terms);
            for (String phrase : strings(node.path("exclude"), where + " exclude")) {
                terms.add(compile(index, Term.Kind.EXCLUDE, phrase.toLowerCase(Locale.ROOT), "all", where + " exclude"));
            }
            for (String phrase : strings(node.path("exclude_near"), where + " exclude_near")) {
                terms.add(compile(index, Term.Kind.NEAR, phrase, "all", where + " exclude_near"));
            }
            double need = node.path("need").asDouble(1.0);
            if (!(need > 0)) {
                throw new TaxonomyException(where + ": need must be a positive number");
            }
            List<String> members = strings(node.path("members"), where + " members");
            rules.add(new TopicRules(new TopicInfo(id, category, names), need, members));
        }
        for (TopicRules r : rules) {
            for (String member : r.members()) {
                Integer m = ids.get(member);
                if (m == null) {
                    throw new TaxonomyException(source + ": topic '" + r.info().id() + "': unknown member '" + member + "'");
                }
                if (!rules.get(m).members().isEmpty()) {
                    throw new TaxonomyException(source + ": topic '" + r.info().id() + "': member '" + member
                            + "' has members itself (one level only)");
                }
            }
        }
        return new Taxonomy(rules, terms, sha256(MATCHER_VERSION + "\n" + yaml));
    }

    private static void compileTerms(JsonNode byLang, Term.Kind kind, int topic, String where, List<Term> out) {
        if (byLang.isMissingNode() || byLang.isNull()) {
            return;
        }
        if (!byLang.isObject()) {
            throw new TaxonomyException(where + ": expected a map of language (kk, ru, en, all) to a list of terms");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = byLang.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!LANGS.contains(e.getKey())) {
                throw new TaxonomyException(where + ": unknown language '" + e.getKey() + "' (use kk, ru, en or all)");
            }
            for (String written : strings(e.getValue(), where + "." + e.getKey())) {
                out.add(compile(topic, kind, written, e.getKey(), where));
            }
        }
    }

    private static Term compile(int topic, Term.Kind kind, String written, String lang, String where) {
        try {
            return Term.compile(topic, kind, TextNormalizer.normalize(written), lang);
        } catch (IllegalArgumentException e) {
            throw new TaxonomyException(where + ": " + e.getMessage());
        }
    }

    private static List<String> strings(JsonNode node, String where) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new TaxonomyException(where + ": expected a list");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : node) {
            String s = item.asText("").trim();
            if (!item.isValueNode() || s.isEmpty()) {
                throw new TaxonomyException(where + ": every entry must be a non-empty string");
            }
            out.add(s);
        }
        return out;
    }

    @Override
    public List<TopicInfo> topics() {
        return infos;
    }

    /** By id or by a display name in kk, ru or en, case-insensitively ({@code Қатар}, {@code Катар}, {@code Qatar}). */
    @Override
    public Optional<TopicInfo> find(String idOrName) {
        if (idOrName == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(byKey.get(key(idOrName)));
    }

    /**
     * Topics whose id or a name is close to {@code name} (edit distance, or a name starting with it), best
     * first, at most {@code max}; empty when nothing is close.
     */
    @Override
    public List<TopicInfo> suggest(String name, int max) {
        String wanted = key(name == null ? "" : name);
        if (wanted.isEmpty() || max <= 0) {
            return List.of();
        }
        int limit = Math.max(1, Math.min(3, wanted.length() / 3));
        record Scored(TopicInfo info, int distance, int order) {}
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < infos.size(); i++) {
            TopicInfo info = infos.get(i);
            int best = Integer.MAX_VALUE;
            List<String> keys = new ArrayList<>(info.names().values());
            keys.add(info.id());
            for (String candidate : keys) {
                String k = key(candidate);
                int d = wanted.length() >= 3 && k.startsWith(wanted) ? 0 : EditDistance.between(wanted, k);
                best = Math.min(best, d);
            }
            if (best <= limit) {
                scored.add(new Scored(info, best, i));
            }
        }
        return scored.stream()
                .sorted(Comparator.comparingInt(Scored::distance).thenComparingInt(Scored::order))
                .limit(max)
                .map(Scored::info)
                .toList();
    }

    /** Changes whenever topics.yml or the matcher changes: stored items tagged under another hash need re-tagging. */
    public String hash() {
        return hash;
    }

    List<TopicRules> rules() {
        return rules;
    }

    List<Term> terms() {
        return terms;
    }

    private static String key(String s) {
        return TermToken.fold(TextNormalizer.normalize(s).trim().replaceFirst("^#", ""));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
