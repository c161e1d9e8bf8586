package kz.qazdigest.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import kz.qazdigest.digest.DigestItem;
import kz.qazdigest.digest.DigestPlan;
import kz.qazdigest.digest.DigestPlanner;
import kz.qazdigest.digest.StoryIndex;
import kz.qazdigest.topic.TopicCatalog;
import kz.qazdigest.topic.TopicInfo;

/**
 * Digest planning for 1,000 new items x 100,000 subscribers with 1-10 topics each, in memory from loaded rows:
 * the story index is built once, then every subscriber's plan (topics in catalog order, first matching topic only,
 * newest first, language edition picked). Prints the time for all plans (sequential and parallel) and memory.
 *
 * <p>{@code mvn -q -o test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=kz.qazdigest.bench.PlanningBench}
 */
public final class PlanningBench {
    static final int ITEMS = 1_000;
    static final int SUBSCRIBERS = 100_000;
    static final int TOPICS = 60;
    static final String[] LANGS = {"kk", "ru", "en"};

    record Chat(String lang, List<String> topics) {}

    public static void main(String[] args) {
        Random random = new Random(42);
        List<TopicInfo> topicInfos = IntStream.range(0, TOPICS)
                .mapToObj(i -> new TopicInfo("t" + i, "country", Map.of("en", "Topic " + i))).toList();
        TopicCatalog catalog = new TopicCatalog() {
            public List<TopicInfo> topics() { return topicInfos; }
            public java.util.Optional<TopicInfo> find(String id) { return topicInfos.stream().filter(t -> t.id().equals(id)).findFirst(); }
            public List<TopicInfo> suggest(String name, int max) { return List.of(); }
        };
        List<DigestItem> items = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (int i = 0; i < ITEMS; i++) {
            // a third of the stories come in two or three language editions (same story_key or same path)
            int story = i < 600 ? i : 400 + (i - 600) / 2;
            String lang = LANGS[i % 3];
            List<String> topics = new ArrayList<>();
            int n = 1 + random.nextInt(3);
            while (topics.size() < n) {
                String t = "t" + (int) Math.min(TOPICS - 1, Math.abs(random.nextGaussian()) * 15); // popular topics first
                if (!topics.contains(t)) {
                    topics.add(t);
                }
            }
            items.add(new DigestItem(i, "Kazinform", lang, "Title " + i, "https://kazinform.kz/" + lang + "/story-" + story,
                    "summary", now - random.nextInt(86_400_000), i % 2 == 0 ? "k" + story : null, topics));
        }
        List<Chat> chats = new ArrayList<>(SUBSCRIBERS);
        DigestPlanner planner = new DigestPlanner(catalog);
        for (int s = 0; s < SUBSCRIBERS; s++) {
            int n = 1 + random.nextInt(10);
            List<String> topics = new ArrayList<>();
            while (topics.size() < n) {
                String t = "t" + random.nextInt(TOPICS);
                if (!topics.contains(t)) {
                    topics.add(t);
                }
            }
            chats.add(new Chat(LANGS[s % 3], planner.ordered(topics)));
        }
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] sequential = new long[5];
        long[] parallel = new long[5];
        long totalItems = 0;
        long allocated = 0;
        for (int round = 0; round < 5; round++) {
            long alloc0 = threads.getCurrentThreadAllocatedBytes();
            long t0 = System.nanoTime();
            StoryIndex index = StoryIndex.of(items);
            long sum = 0;
            for (Chat chat : chats) {
                sum += planner.plan(index, chat.lang(), chat.topics()).itemCount();
            }
            sequential[round] = System.nanoTime() - t0;
            allocated = threads.getCurrentThreadAllocatedBytes() - alloc0;
            totalItems = sum;
            long t1 = System.nanoTime();
            StoryIndex index2 = StoryIndex.of(items);
            long psum = chats.parallelStream().mapToLong(c -> planner.plan(index2, c.lang(), c.topics()).itemCount()).sum();
            parallel[round] = System.nanoTime() - t1;
            if (psum != sum) {
                throw new IllegalStateException("parallel and sequential plans differ");
            }
        }
        // retained memory of every plan at once (what a caller holding all digests before rendering would need)
        System.gc();
        long before = usedHeap();
        StoryIndex index = StoryIndex.of(items);
        List<DigestPlan> plans = new ArrayList<>(SUBSCRIBERS);
        for (Chat chat : chats) {
            plans.add(planner.plan(index, chat.lang(), chat.topics()));
        }
        System.gc();
        long retained = usedHeap() - before;
        Arrays.sort(sequential);
        Arrays.sort(parallel);
        System.out.printf("planning %d items x %d subscribers (1-10 of %d topics each), %d plans with %d item entries in all (avg %.1f per digest)%n",
                ITEMS, SUBSCRIBERS, TOPICS, plans.size(), totalItems, totalItems / (double) SUBSCRIBERS);
        System.out.printf("  all digests, one thread:  best %d ms, median %d ms (5 rounds, index build included)%n",
                sequential[0] / 1_000_000, sequential[2] / 1_000_000);
        System.out.printf("  all digests, %d cores:     best %d ms, median %d ms%n",
                Runtime.getRuntime().availableProcessors(), parallel[0] / 1_000_000, parallel[2] / 1_000_000);
        System.out.printf("  allocated per full run: %.0f MiB; all %d plans held at once: %.0f MiB retained%n",
                allocated / 1048576.0, plans.size(), retained / 1048576.0);
        System.exit(0);
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
