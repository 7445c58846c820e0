package org.broadsheet.generator;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The comments: how many each article gets (none for a quarter of them, a long tail for the rest, newer articles
 * busier, the newest exactly {@code busiest}), then threads as readers write them (many without replies, some
 * long exchanges up to the fifth level), written with the counters that posting keeps: the article's comment
 * count, each thread's reply count (every reply under it) and each comment's recommendations, one row per
 * reader who recommends, never its author.
 */
final class Conversations {

    private static final int MAX_DEPTH = 4;
    private static final Duration BUSY_PERIOD = Duration.ofDays(4);
    private static final Duration REPLY_WINDOW = Duration.ofHours(36);

    private final Random random;
    private final int accounts;
    private final Instant latest;
    private long nextId = 1;
    private long recommendations;

    Conversations(Random random, int accounts, Instant now) {
        this.random = random;
        this.accounts = accounts;
        this.latest = now.minus(Duration.ofMinutes(1));
    }

    /** Comments per article id (index 0 unused), adding up to {@code comments}. */
    int[] plan(int articles, int comments, int busiest) {
        int[] counts = new int[articles + 1];
        counts[articles] = busiest;
        int spread = comments - busiest;
        int others = articles - 1;
        if (others == 0) {
            counts[articles] += spread;
            return counts;
        }
        double[] weights = new double[articles];
        double total = 0;
        for (int id = 1; id < articles; id++) {
            double recency = 1 + 2.0 * id / articles;
            weights[id] = random.nextInt(4) == 0 ? 0 : recency * Math.exp(1.3 * random.nextGaussian());
            total += weights[id];
        }
        long given = 0;
        for (int id = 1; id < articles; id++) {
            counts[id] = (int) Math.floor(weights[id] * spread / total);
            given += counts[id];
        }
        while (given < spread) {
            counts[1 + random.nextInt(others)]++;
            given++;
        }
        return counts;
    }

    long recommendations() {
        return recommendations;
    }

    /** Writes every article's conversation; recommendations go to a second stream once the comments are in. */
    long write(Connection connection, Texts texts, Articles articles, int[] counts) throws SQLException {
        Recommended recommended = new Recommended();
        try (CopyStream copy = new CopyStream(connection, "comment", "id, article_id, author_id, parent_id, root_id,"
                + " depth, status, body, body_html, created_at, edited_at, reply_count, recommend_count")) {
            for (int article = 1; article < counts.length; article++) {
                int left = counts[article];
                Instant published = articles.publishedAt(article);
                while (left > 0) {
                    List<Node> thread = thread(published, Math.min(replies(), left - 1));
                    left -= thread.size();
                    for (Node node : thread) {
                        int text = random.nextInt(texts.comments());
                        int recommends = recommends();
                        copy.add(node.id).add(article).add(node.author);
                        if (node.parent == null) {
                            copy.nul();
                        }
                        else {
                            copy.add(node.parent.id);
                        }
                        copy.add(thread.get(0).id).add(node.depth).add("VISIBLE").add(texts.commentText(text))
                                .add(texts.commentHtml(text)).add(node.at)
                                .add(random.nextInt(30) == 0 ? min(node.at.plusSeconds(300), latest) : null)
                                .add(node.parent == null ? thread.size() - 1 : 0).add(recommends).endRow();
                        recommended.add(node, recommends);
                    }
                }
            }
        }
        try (CopyStream copy = new CopyStream(connection, "comment_recommendation", "comment_id, account_id, created_at")) {
            recommended.write(copy);
        }
        return nextId - 1;
    }

    private List<Node> thread(Instant published, int replies) {
        long window = Math.min(BUSY_PERIOD.toSeconds(), Duration.between(published, latest).toSeconds() - 600);
        Instant rootAt = min(published.plusSeconds(600 + (long) (random.nextDouble() * Math.max(0, window))), latest);
        List<Node> thread = new ArrayList<>(replies + 1);
        thread.add(new Node(nextId++, reader(), null, rootAt));
        Node last = thread.get(0);
        for (int i = 0; i < replies; i++) {
            Node parent = parentIn(thread, last);
            Instant at = min(parent.at.plusSeconds(60 + (long) (random.nextDouble() * REPLY_WINDOW.toSeconds())),
                    latest);
            last = new Node(nextId++, reader(), parent, at.isBefore(parent.at) ? parent.at : at);
            thread.add(last);
        }
        return thread;
    }

    /** Often the newest reply (an exchange), otherwise the opening comment or any other open one. */
    private Node parentIn(List<Node> thread, Node last) {
        if (last.depth < MAX_DEPTH && random.nextDouble() < 0.45) {
            return last;
        }
        if (random.nextBoolean()) {
            return thread.get(0);
        }
        Node any = thread.get(random.nextInt(thread.size()));
        return any.depth < MAX_DEPTH ? any : thread.get(0);
    }

    /** Replies in a thread: many get none, a few draw a long exchange. */
    private int replies() {
        double r = random.nextDouble();
        return r < 0.35 ? 0 : r < 0.65 ? 1 + random.nextInt(3) : r < 0.9 ? 4 + random.nextInt(4)
                : 8 + random.nextInt(12);
    }

    private int recommends() {
        double r = random.nextDouble();
        int n = r < 0.55 ? 0 : r < 0.85 ? 1 + random.nextInt(3) : r < 0.97 ? 4 + random.nextInt(9)
                : 13 + random.nextInt(48);
        return Math.min(n, accounts - 1);
    }

    /** A few readers write much of what is written. */
    private long reader() {
        double u = random.nextDouble();
        return 1 + (long) (u * u * accounts);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static final class Node {
        final long id;
        final long author;
        final Node parent;
        final Instant at;
        final int depth;

        Node(long id, long author, Node parent, Instant at) {
            this.id = id;
            this.author = author;
            this.parent = parent;
            this.at = at;
            this.depth = parent == null ? 0 : parent.depth + 1;
        }
    }

    /** The recommendations to write, kept as three growing arrays rather than a million objects. */
    private final class Recommended {
        private long[] comment = new long[1 << 16];
        private int[] first = new int[1 << 16];
        private int[] count = new int[1 << 16];
        private long[] author = new long[1 << 16];
        private long[] at = new long[1 << 16];
        private int size;

        void add(Node node, int recommends) {
            if (recommends == 0) {
                return;
            }
            if (size == comment.length) {
                int grown = size * 2;
                comment = Arrays.copyOf(comment, grown);
                first = Arrays.copyOf(first, grown);
                count = Arrays.copyOf(count, grown);
                author = Arrays.copyOf(author, grown);
                at = Arrays.copyOf(at, grown);
            }
            comment[size] = node.id;
            first[size] = random.nextInt(accounts);
            count[size] = recommends;
            author[size] = node.author;
            at[size] = min(node.at.plusSeconds(1800), latest).getEpochSecond();
            size++;
            recommendations += recommends;
        }

        /** Consecutive accounts from a random one, skipping the comment's author: all different. */
        void write(CopyStream copy) throws SQLException {
            for (int i = 0; i < size; i++) {
                Instant when = Instant.ofEpochSecond(at[i]);
                int written = 0;
                for (int k = 0; written < count[i]; k++) {
                    long account = 1 + (first[i] + k) % accounts;
                    if (account != author[i]) {
                        copy.add(comment[i]).add(account).add(when).endRow();
                        written++;
                    }
                }
            }
        }
    }
}
