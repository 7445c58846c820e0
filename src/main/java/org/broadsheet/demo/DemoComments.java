package org.broadsheet.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.AccountService.NewMember;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleImports;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleLists;
import org.broadsheet.article.FeedScope;
import org.broadsheet.article.Views.ArticleCard;
import org.broadsheet.article.Views.AuthorLink;
import org.broadsheet.article.Views.CommentTarget;
import org.broadsheet.comment.CommentSeeder;
import org.broadsheet.demo.DemoCatalogue.DemoAuthor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Fills the demo articles with conversations: fictional readers comment, reply up to five levels deep and
 * recommend each other's comments, a columnist and the staff join in, and the newest article open to comments
 * gets exactly {@value #BUSIEST} comments, to show pagination and to measure rendering. Runs after the demo
 * articles and accounts, and only once: a database that already has the demo readers is left as it is.
 */
@Component
@Profile("demo")
@Order(2)
class DemoComments implements ApplicationRunner {

    /** Comments on the newest article open to comments. */
    static final int BUSIEST = 500;

    /** The demo author who also comments with a reader account, so their replies carry the author's badge. */
    static final String JOURNALIST = "margaret-ellery";

    /** The deepest reply: depth 4 is the fifth level, below the third where the page stops indenting. */
    static final int MAX_DEPTH = 4;

    static final String RESOURCE = "demo/comments.txt";

    /** The readers who comment, most talkative first; the first also marks a database that has them already. */
    static final List<DemoReader> READERS = List.of(
            new DemoReader("ada-okoro", "Ada Okoro"),
            new DemoReader("cfairbairn", "Callum Fairbairn"),
            new DemoReader("siobhan_k", "Siobhán Kerrigan"),
            new DemoReader("devmalhotra", "Dev Malhotra"),
            new DemoReader("moorwalker", "Marlshire Moorwalker"),
            new DemoReader("margit-h", "Margit Halvorsen"),
            new DemoReader("joepennock", "Joe Pennock"),
            new DemoReader("yusuf-demirci", "Yusuf Demirci"),
            new DemoReader("eleri-v", "Eleri Vaughan"),
            new DemoReader("tobias_gruenewald", "Tobias Grünewald"),
            new DemoReader("nkechi-om", "Nkechi Obi-Mensah"),
            new DemoReader("hcoulthard", "Harriet Coulthard"),
            new DemoReader("wenli-tan", "Wen Li Tan"),
            new DemoReader("bartek-s", "Bartek Sobczak"),
            new DemoReader("fdeane", "Fionnuala Deane"),
            new DemoReader("marcus-ab", "Marcus Ashworth-Bell"),
            new DemoReader("ines-carvalho", "Inês Carvalho"),
            new DemoReader("old_pedant", "The Old Pedant"),
            new DemoReader("amara-l", "Amara Lindqvist"),
            new DemoReader("kenoduya", "Ken Oduya"),
            new DemoReader("roz-mabey", "Roz Mabey"),
            new DemoReader("tbankole", "Tunde Bankole"),
            new DemoReader("hyunwoo-park", "Hyun-woo Park"),
            new DemoReader("stan-thewlis", "Stan Thewlis"),
            new DemoReader("leila-haddad", "Leila Haddad"));

    /** Open articles left without comments, so that "No comments yet" shows too. */
    private static final int SKIPPED = 4;
    /** Comments start this long after publication; a newer article gets none. */
    private static final Duration MIN_AGE = Duration.ofMinutes(10);
    /** How long after publication most top-level comments arrive. */
    private static final Duration BUSY_PERIOD = Duration.ofDays(4);
    /** The longest wait for a reply. */
    private static final Duration REPLY_WINDOW = Duration.ofHours(36);
    private static final long SEED = 20_260_417L;
    private static final int WRITERS = Math.min(4, Runtime.getRuntime().availableProcessors());

    private static final Logger log = LoggerFactory.getLogger(DemoComments.class);

    private final ArticleService articles;

    private final ArticleLists articleLists;
    private final ArticleImports imports;
    private final AccountService accounts;
    private final CommentSeeder seeder;
    private final Clock clock;

    DemoComments(ArticleService articles, ArticleLists articleLists, ArticleImports imports, AccountService accounts,
            CommentSeeder seeder, Clock clock) {
        this.articles = articles;
        this.articleLists = articleLists;
        this.imports = imports;
        this.accounts = accounts;
        this.seeder = seeder;
        this.clock = clock;
    }

    record DemoReader(String username, String displayName) {
    }

    /** A visible article open to comments. */
    record Target(long id, String url, Instant published, Set<String> authors) {
    }

    /** The texts of demo/comments.txt, by kind ("top", "reply", "author", ...), in file order. */
    record Texts(Map<String, List<String>> byKind) {

        List<String> of(String kind) {
            return byKind.getOrDefault(kind, List.of());
        }
    }

    /** Who takes part: readers with how often each comments, and the optional voices (null when absent). */
    private record Cast(List<Long> readers, double[] weights, Long rowan, Long journalist, Long editor,
            Long moderator) {

        List<Long> recommenders() {
            List<Long> all = new ArrayList<>(readers);
            if (rowan != null) {
                all.add(rowan);
            }
            return all;
        }
    }

    /** A comment planned before it is written; replies point to their parent's plan. */
    private static final class Node {

        final Node parent;
        final long author;
        final String text;
        final Instant at;
        final int depth;
        List<Long> recommenders = List.of();
        Instant recommendedAt;
        Instant editedAt;
        long id;

        Node(Node parent, long author, String text, Instant at) {
            this.parent = parent;
            this.author = author;
            this.text = text;
            this.at = at;
            this.depth = parent == null ? 0 : parent.depth + 1;
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        long started = System.nanoTime();
        if (accounts.idOf(READERS.get(0).username()).isPresent()) {
            log.info("Demo comments already loaded; leaving them as they are");
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        List<Target> targets = targets(now);
        // Everything is planned first with one seeded random, then written by a few threads at once (the
        // many small transactions are most of the time): the same site every start.
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS, task -> new Thread(task, "demo-comments"));
        try {
            Cast cast = cast();
            Random random = new Random(SEED);
            Conversations conversations = new Conversations(texts(), cast, now, random);
            Map<Target, List<Node>> planned = new LinkedHashMap<>();
            Set<Target> skipped = skipped(targets, now, random);
            for (Target target : targets) {
                if (!skipped.contains(target)) {
                    planned.put(target, conversations.plan(target, target.equals(targets.get(0))));
                }
            }
            conversations.addStaff(planned);
            planned.values().forEach(conversations::react);

            List<Callable<Integer>> tasks = new ArrayList<>();
            planned.forEach((target, nodes) -> tasks.add(() -> write(target, nodes)));
            int recommendations = 0;
            for (int count : all(writers, tasks)) {
                recommendations += count;
            }
            Target busiest = targets.isEmpty() ? null : targets.get(0);
            log.info("Loaded demo comments in {} ms: {} comments on {} articles, {} recommendations, {} readers; "
                    + "{} comments on {}", (System.nanoTime() - started) / 1_000_000,
                    planned.values().stream().mapToInt(List::size).sum(), planned.size(), recommendations,
                    cast.readers().size(), busiest == null ? 0 : planned.get(busiest).size(),
                    busiest == null ? "-" : busiest.url());
        }
        finally {
            writers.shutdown();
        }
    }

    /**
     * Writes one article's comments in one transaction, oldest first as readers posted them, so parents come
     * before replies.
     */
    private int write(Target target, List<Node> planned) {
        List<Node> nodes = new ArrayList<>(planned);
        nodes.sort(Comparator.comparing(n -> n.at));
        Map<Node, Integer> index = new java.util.IdentityHashMap<>();
        List<CommentSeeder.Seed> seeds = new ArrayList<>(nodes.size());
        int recommendations = 0;
        for (Node node : nodes) {
            index.put(node, seeds.size());
            seeds.add(new CommentSeeder.Seed(node.parent == null ? -1 : index.get(node.parent), node.author,
                    node.text, node.at, node.recommenders, node.recommendedAt, node.editedAt));
            recommendations += node.recommenders.size();
        }
        List<Long> ids = seeder.conversation(target.id(), seeds);
        for (int i = 0; i < nodes.size(); i++) {
            nodes.get(i).id = ids.get(i);
        }
        return recommendations;
    }

    /** Runs the tasks on the pool and returns their results in order. */
    private static <T> List<T> all(ExecutorService pool, List<Callable<T>> tasks) {
        try {
            List<T> results = new ArrayList<>();
            for (Future<T> future : pool.invokeAll(tasks)) {
                results.add(future.get());
            }
            return results;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while loading demo comments", e);
        }
        catch (ExecutionException e) {
            throw new IllegalStateException("Could not load demo comments", e.getCause());
        }
    }

    /** The visible articles open to comments and old enough to have some, newest first. */
    List<Target> targets(Instant now) {
        List<Target> found = new ArrayList<>();
        for (ArticleCard card : articleLists.latest(FeedScope.site(), 1_000)) {
            Optional<CommentTarget> target = articles.commentTarget(card.id());
            Instant published = OffsetDateTime.parse(card.published().iso()).toInstant();
            if (target.isPresent() && target.get().commentsOpen() && !published.isAfter(now.minus(MIN_AGE))) {
                found.add(new Target(card.id(), card.url(), published,
                        card.authors().stream().map(AuthorLink::slug).collect(Collectors.toUnmodifiableSet())));
            }
        }
        found.sort(Comparator.comparing(Target::published).reversed());
        return found;
    }

    /** A few articles older than two days that get no comments (never the busiest). */
    private static Set<Target> skipped(List<Target> targets, Instant now, Random random) {
        List<Target> candidates = new ArrayList<>(targets.stream()
                .filter(t -> t.published().isBefore(now.minus(Duration.ofDays(2)))).toList());
        candidates.remove(targets.isEmpty() ? null : targets.get(0));
        Collections.shuffle(candidates, random);
        return Set.copyOf(candidates.subList(0, Math.min(SKIPPED, candidates.size())));
    }

    private Cast cast() {
        DemoAuthor journalist = DemoCatalogue.AUTHORS.stream().filter(a -> a.slug().equals(JOURNALIST))
                .findFirst().orElseThrow(() -> new IllegalStateException("Demo author " + JOURNALIST + " is missing"));
        List<NewMember> members = new ArrayList<>();
        for (DemoReader reader : READERS) {
            members.add(member(reader.username(), reader.displayName()));
        }
        members.add(member(journalist.slug(), journalist.name()));
        // Nobody signs in to these accounts: their password is random, shared, hashed once and thrown away.
        byte[] password = new byte[24];
        new SecureRandom().nextBytes(password);
        accounts.createVerified(members, Base64.getUrlEncoder().withoutPadding().encodeToString(password));
        List<Optional<Long>> ids = members.stream().map(m -> accounts.idOf(m.username())).toList();
        List<Long> readers = ids.subList(0, READERS.size()).stream().flatMap(Optional::stream).toList();
        // Talkative readers first: the first comments about four times as often as the last.
        double[] weights = new double[readers.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 1.0 / (1 + 0.13 * i);
        }
        Long journalistId = ids.get(READERS.size()).orElse(null);
        if (journalistId != null) {
            imports.linkAuthorAccount(JOURNALIST, journalistId);
        }
        return new Cast(readers, weights, accounts.idOf("reader").orElse(null), journalistId,
                accounts.idOf("editor").orElse(null), accounts.idOf("moderator").orElse(null));
    }

    /** A verified reader account. Most joined months or years ago; one in six is a new member. */
    private NewMember member(String username, String displayName) {
        int hash = Math.floorMod(username.hashCode(), 700);
        Instant joined = clock.instant().minus(Duration.ofDays(hash % 6 == 0 ? 12 : 60 + hash));
        return new NewMember(username, displayName, username + "@broadsheet.invalid", EnumSet.of(Role.READER),
                joined);
    }

    static Texts texts() {
        try (InputStream in = DemoComments.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Texts parse(String file) {
        Map<String, List<String>> byKind = new LinkedHashMap<>();
        String kind = null;
        StringBuilder text = new StringBuilder();
        for (String line : (file.replace("\r\n", "\n") + "\n== end").split("\n", -1)) {
            if (line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("== ")) {
                if (kind != null) {
                    byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(text.toString().strip());
                }
                kind = line.substring(3).strip();
                text.setLength(0);
            }
            else {
                text.append(line).append('\n');
            }
        }
        byKind.replaceAll((k, v) -> List.copyOf(v));
        return new Texts(Collections.unmodifiableMap(byKind));
    }

    /** Plans the conversations with one seeded random, so that every start writes the same site. */
    private final class Conversations {

        private final Texts texts;
        private final Cast cast;
        private final Instant now;
        private final Random random;
        private final Map<String, Deck> decks = new HashMap<>();
        private final Map<Long, Set<String>> written = new HashMap<>();

        Conversations(Texts texts, Cast cast, Instant now, Random random) {
            this.texts = texts;
            this.cast = cast;
            this.now = now;
            this.random = random;
        }

        List<Node> plan(Target article, boolean busiest) {
            List<Node> nodes = new ArrayList<>();
            if (busiest) {
                while (nodes.size() < BUSIEST) {
                    int replies = Math.min(replies(true), BUSIEST - nodes.size() - 1);
                    thread(nodes, topLevelTime(article), replies, random.nextInt(8) == 0);
                }
                return nodes;
            }
            Duration age = Duration.between(article.published(), now);
            int threads = age.compareTo(Duration.ofDays(2)) < 0 ? 5 + random.nextInt(8)
                    : age.compareTo(Duration.ofDays(30)) < 0 ? 2 + random.nextInt(6) : 1 + random.nextInt(4);
            int deep = random.nextInt(3) == 0 ? random.nextInt(threads) : -1;
            for (int i = 0; i < threads; i++) {
                int replies = replies(false);
                thread(nodes, topLevelTime(article), i == deep ? Math.max(replies, MAX_DEPTH + 1) : replies,
                        i == deep);
            }
            // Older articles now and then draw a late comment, so that several show up in "Most discussed".
            Instant late = now.minus(Duration.ofMinutes(10 + random.nextInt(20 * 60)));
            if (age.compareTo(Duration.ofDays(2)) > 0 && random.nextInt(4) == 0) {
                thread(nodes, late, random.nextInt(3), false);
            }
            if (cast.journalist() != null && article.authors().contains(JOURNALIST)) {
                answerAsAuthor(nodes);
            }
            return nodes;
        }

        /** Replies in a thread: many get none, a few draw a long exchange. */
        private int replies(boolean busiest) {
            double r = random.nextDouble();
            if (busiest) {
                return r < 0.3 ? 0 : r < 0.6 ? 1 + random.nextInt(3) : r < 0.85 ? 4 + random.nextInt(4)
                        : 8 + random.nextInt(7);
            }
            return r < 0.45 ? 0 : r < 0.75 ? 1 + random.nextInt(2) : r < 0.92 ? 3 + random.nextInt(3)
                    : 6 + random.nextInt(5);
        }

        private void thread(List<Node> nodes, Instant at, int replies, boolean deep) {
            long author = reader(null);
            Node root = add(nodes, null, author, text(author, "top"), at);
            List<Node> thread = new ArrayList<>(List.of(root));
            Node last = root;
            for (int i = 0; i < replies; i++) {
                Node parent = deep && last.depth < MAX_DEPTH ? last : parentIn(thread, last);
                long replier = replier(parent);
                Node reply = reply(nodes, parent, replier, text(replier, "reply"));
                if (reply != null) {
                    thread.add(reply);
                    last = reply;
                }
            }
        }

        /** Often the newest reply (an exchange), otherwise the opening comment or any other. */
        private Node parentIn(List<Node> thread, Node last) {
            if (last.depth < MAX_DEPTH && random.nextDouble() < 0.45) {
                return last;
            }
            List<Node> open = thread.stream().filter(n -> n.depth < MAX_DEPTH).toList();
            return random.nextBoolean() ? thread.get(0) : open.get(random.nextInt(open.size()));
        }

        /** The author of the article answers one to three readers, who sometimes answer back. */
        private void answerAsAuthor(List<Node> nodes) {
            List<Node> topLevel = new ArrayList<>(nodes.stream().filter(n -> n.parent == null).toList());
            Collections.shuffle(topLevel, random);
            for (Node comment : topLevel.subList(0, Math.min(1 + random.nextInt(3), topLevel.size()))) {
                long journalist = cast.journalist();
                Node answer = reply(nodes, comment, journalist, text(journalist, "author"));
                if (answer != null && random.nextBoolean()) {
                    reply(nodes, answer, comment.author, text(comment.author, "reply"));
                }
            }
        }

        /** The editor corrects and the moderator reminds, each under a few articles (never the busiest). */
        void addStaff(Map<Target, List<Node>> planned) {
            List<List<Node>> candidates = new ArrayList<>(planned.values().stream()
                    .filter(nodes -> nodes.size() < BUSIEST && nodes.stream().filter(n -> n.parent == null)
                            .count() >= 3)
                    .toList());
            Collections.shuffle(candidates, random);
            int next = 0;
            for (Long staff : new Long[] { cast.editor(), cast.editor(), cast.moderator(), cast.moderator() }) {
                if (staff == null || next >= candidates.size()) {
                    continue;
                }
                List<Node> nodes = candidates.get(next++);
                List<Node> topLevel = nodes.stream().filter(n -> n.parent == null).toList();
                reply(nodes, topLevel.get(random.nextInt(topLevel.size())), staff,
                        text(staff, staff.equals(cast.editor()) ? "editor" : "moderator"));
            }
        }

        /** Some comments are recommended by other readers, a few are edited soon after posting. */
        void react(List<Node> nodes) {
            List<Long> recommenders = cast.recommenders();
            for (Node node : nodes) {
                if (random.nextDouble() < (node.parent == null ? 0.4 : 0.2)) {
                    List<Long> others = new ArrayList<>(recommenders);
                    others.remove(Long.valueOf(node.author));
                    Collections.shuffle(others, random);
                    node.recommenders = List.copyOf(others.subList(0, Math.min(others.size(),
                            1 + (int) (19 * Math.pow(random.nextDouble(), 3)))));
                    long room = Duration.between(node.at, now).toSeconds();
                    node.recommendedAt = node.at.plusSeconds((long) (room * random.nextDouble() * 0.5));
                }
                if (random.nextDouble() < 0.03) {
                    Instant edited = node.at.plusSeconds(120 + random.nextInt(13 * 60));
                    node.editedAt = edited.isAfter(now) ? null : edited;
                }
            }
        }

        /** Soon after publication for most comments, spread over a few days, and never later than now. */
        private Instant topLevelTime(Target article) {
            Instant first = article.published().plus(Duration.ofMinutes(1));
            Instant last = min(now.minus(Duration.ofMinutes(5)), article.published().plus(BUSY_PERIOD));
            long span = Math.max(0, Duration.between(first, last).toSeconds());
            return first.plusSeconds((long) (span * Math.pow(random.nextDouble(), 1.6)));
        }

        /**
         * Adds a reply a little after its parent, using at most half the time left until now, so that even the
         * deepest exchange fits; null when no time is left.
         */
        private Node reply(List<Node> nodes, Node parent, long author, String text) {
            long room = Duration.between(parent.at, now).toSeconds();
            if (room < 2) {
                return null;
            }
            long most = Math.min(room / 2, REPLY_WINDOW.toSeconds());
            long least = Math.min(60, most / 2 + 1);
            long delay = least + (long) ((most - least) * Math.pow(random.nextDouble(), 2));
            return add(nodes, parent, author, text, parent.at.plusSeconds(delay));
        }

        private Node add(List<Node> nodes, Node parent, long author, String text, Instant at) {
            Node node = new Node(parent, author, text, at);
            nodes.add(node);
            return node;
        }

        /** Often the person replied to answers back; otherwise any reader but the parent's author. */
        private long replier(Node parent) {
            Node grandparent = parent.parent;
            if (grandparent != null && grandparent.author != parent.author && random.nextDouble() < 0.35
                    && cast.readers().contains(grandparent.author)) {
                return grandparent.author;
            }
            return reader(parent.author);
        }

        /** A reader chosen by how talkative they are, now and then Rowan Reader, never {@code not}. */
        private long reader(Long not) {
            if (cast.rowan() != null && !cast.rowan().equals(not) && random.nextInt(60) == 0) {
                return cast.rowan();
            }
            double total = 0;
            for (double w : cast.weights()) {
                total += w;
            }
            while (true) {
                double r = random.nextDouble() * total;
                int i = 0;
                while (i < cast.weights().length - 1 && r >= cast.weights()[i]) {
                    r -= cast.weights()[i];
                    i++;
                }
                long id = cast.readers().get(i);
                if (not == null || id != not) {
                    return id;
                }
            }
        }

        /**
         * A text of this kind that {@code author} has not written before: drawn from a shuffled deck, a comment
         * sometimes gets an opening or closing sentence, and a reader who has used every reply starts comments.
         */
        private String text(long author, String kind) {
            Set<String> used = written.computeIfAbsent(author, a -> new HashSet<>());
            String text = null;
            for (int attempt = 0; attempt < 30; attempt++) {
                boolean top = kind.equals("top") || (kind.equals("reply") && attempt >= 5);
                text = deck(top ? "top" : kind).deal();
                if (top) {
                    text = decorate(text, attempt < 3 ? 0.2 : 0.9);
                }
                if (used.add(text)) {
                    return text;
                }
            }
            return text;
        }

        private String decorate(String text, double chance) {
            double r = random.nextDouble();
            if (text.length() < 80 && chance < 0.5) {
                return text; // "Interesting. Brilliant." reads oddly; only a reader out of texts gets one
            }
            String gap = text.contains("\n") ? "\n\n" : " ";
            if (r < chance / 2) {
                return deck("opener").deal() + gap + text;
            }
            if (r < chance) {
                return text + gap + deck("closer").deal();
            }
            return text;
        }

        private Deck deck(String kind) {
            return decks.computeIfAbsent(kind, k -> {
                if (texts.of(k).isEmpty()) {
                    throw new IllegalStateException(RESOURCE + " has no texts of kind " + k);
                }
                return new Deck(texts.of(k), random);
            });
        }
    }

    /** Deals texts in a shuffled order and reshuffles when all have been dealt, so repeats are far apart. */
    private static final class Deck {

        private final List<String> cards;
        private final Random random;
        private int next;

        Deck(List<String> cards, Random random) {
            this.cards = new ArrayList<>(cards);
            this.random = random;
            this.next = cards.size();
        }

        String deal() {
            if (next == cards.size()) {
                Collections.shuffle(cards, random);
                next = 0;
            }
            return cards.get(next++);
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
