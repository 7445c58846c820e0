package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleCards;
import org.broadsheet.article.ArticleImports;
import org.broadsheet.article.ArticleTestData;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many signed-in readers act on one conversation at the same moment, over real HTTP: every comment is stored
 * once, a form submitted twice at once makes one comment, and the counters (comments of the article, replies of a
 * thread, recommendations of a comment) agree with the rows afterwards. Nobody gets an error page. Run on H2 and
 * on PostgreSQL by the subclasses, since each database locks in its own way.
 */
abstract class CommentConcurrencyScenarios {

    private static final String PASSWORD = "amber-lantern-quayside";
    private static final int POSTERS = 20;
    private static final int RECOMMENDERS = 10;
    /** Comments one reader sends at once, more than {@link CommentService#POSTS_PER_MINUTE}. */
    private static final int HASTY = 8;
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    ArticleService articles;

    @Autowired
    ArticleCards articleCards;

    @Autowired
    ArticleImports imports;

    @Autowired
    CommentSeeder seeder;

    @Autowired
    JdbcTemplate jdbc;

    /** A signed-in reader's browser, with the token and box key of the comment form on the article page. */
    private record Reader(long id, String username, HttpClient client, String csrf, String key) {
    }

    private record Answer(String who, int status, String location, String body) {
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private Reader signIn(String articleUrl) throws Exception {
        String username = "burst" + SEQUENCE.incrementAndGet() + Long.toString(System.nanoTime() % 1_000_000, 36);
        assertThat(accounts.createVerified(username, "Burst " + username, username + "@example.com", PASSWORD,
                EnumSet.of(Role.READER))).isTrue();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String loginToken = Jsoup.parse(get(client, "/login").body()).select("input[name=_csrf]").val();
        HttpResponse<String> login = client.send(form("/login",
                Map.of("username", username, "password", PASSWORD, "_csrf", loginToken)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");

        HttpResponse<String> article = get(client, articleUrl);
        assertThat(article.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(article.body());
        String csrf = page.select("form#comment-form input[name=_csrf]").val();
        String key = page.select("form#comment-form input[name=key]").val();
        assertThat(csrf).as("form token on the article page").isNotBlank();
        assertThat(key).as("box key on the article page").isNotBlank();
        return new Reader(accounts.idOf(username).orElseThrow(), username, client, csrf, key);
    }

    /** Registers and signs in this many readers, a few at a time (checking passwords takes a while). */
    private List<Reader> signIn(int count, String articleUrl) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Reader>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(() -> signIn(articleUrl)));
            }
            List<Reader> readers = new ArrayList<>();
            for (Future<Reader> future : futures) {
                readers.add(future.get(120, TimeUnit.SECONDS));
            }
            return readers;
        } finally {
            pool.shutdownNow();
        }
    }

    private HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder form(String path, Map<String, String> fields) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(90))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields)));
    }

    private Callable<Answer> comment(Reader reader, long articleId, Long parentId, String text, String key) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("_csrf", reader.csrf());
        fields.put("text", text);
        fields.put("key", key);
        if (parentId != null) {
            fields.put("parentId", parentId.toString());
        }
        HttpRequest request = form("/articles/" + articleId + "/comments", fields).build();
        return () -> answer(reader, request);
    }

    private Callable<Answer> recommend(Reader reader, long commentId) {
        HttpRequest request = form("/comments/" + commentId + "/recommend", Map.of("_csrf", reader.csrf()))
                .header("Accept", "application/json").build();
        return () -> answer(reader, request);
    }

    private static Answer answer(Reader reader, HttpRequest request) throws Exception {
        HttpResponse<String> response = reader.client().send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(reader.username() + " " + request.uri().getPath(), response.statusCode(),
                response.headers().firstValue("Location").orElse(null), response.body());
    }

    /** Starts every request at the same moment and waits for all the answers. */
    private static List<Answer> atOnce(List<Callable<Answer>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            CountDownLatch ready = new CountDownLatch(requests.size());
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Answer>> futures = new ArrayList<>();
            for (Callable<Answer> request : requests) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return request.call();
                }));
            }
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            go.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> future : futures) {
                answers.add(future.get(120, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    private int commentCountOf(long articleId) {
        return articles.commentTarget(articleId).orElseThrow().commentCount();
    }

    private void assertCountersMatchRows(long articleId, long target) {
        assertThat(commentCountOf(articleId)).as("the article's comment count")
                .isEqualTo(count("SELECT COUNT(*) FROM comment WHERE article_id = ? AND status = 'VISIBLE'",
                        articleId));
        assertThat(count("SELECT recommend_count FROM comment WHERE id = ?", target)).as("recommend count")
                .isEqualTo(count("SELECT COUNT(*) FROM comment_recommendation WHERE comment_id = ?", target));
        assertThat(count("SELECT reply_count FROM comment WHERE id = ?", target)).as("reply count")
                .isEqualTo(count("SELECT COUNT(*) FROM comment WHERE root_id = ? AND parent_id IS NOT NULL",
                        target));
    }

    private static void assertNoErrors(List<Answer> answers) {
        assertThat(answers).as("no error pages").allSatisfy(
                a -> assertThat(a.status()).as(a.who() + " answered " + a.status() + ": " + a.body()).isLessThan(500));
    }

    /** Every request was answered with a redirect to the new comment, on the article or in its thread. */
    private static void assertPosted(List<Answer> answers, String path) {
        String location = ".*" + Pattern.quote(path) + "#comment-\\d+";
        assertThat(answers).allSatisfy(a -> {
            assertThat(a.status()).as(a.who() + ": " + a.body()).isEqualTo(302);
            assertThat(a.location()).as(a.who()).matches(location);
        });
    }

    @Test
    void shouldStoreEveryCommentOnceAndKeepCountsExactWhenReadersActAtOnce() throws Exception {
        ArticleTestData data = new ArticleTestData(imports);
        long articleId = data.article(data.section(null), data.author()).save();
        String articleUrl = articleCards.cardsFor(List.of(articleId)).get(0).url();
        String authorName = "target" + SEQUENCE.incrementAndGet() + Long.toString(System.nanoTime() % 1_000_000, 36);
        accounts.createVerified(authorName, "Target Author", authorName + "@example.com", PASSWORD,
                EnumSet.of(Role.READER));
        long target = seeder.comment(articleId, null, accounts.idOf(authorName).orElseThrow(),
                "Recommend this, everybody", Instant.now().minusSeconds(60));

        List<Reader> readers = signIn(POSTERS + 2, articleUrl);
        List<Reader> posters = readers.subList(0, POSTERS);
        Reader twice = readers.get(POSTERS);
        Reader hasty = readers.get(POSTERS + 1);

        // Round one: twenty comments, one form submitted twice, ten recommendations, and one reader sending more
        // comments than a minute allows, all at once.
        List<Callable<Answer>> round = new ArrayList<>();
        for (Reader poster : posters) {
            round.add(comment(poster, articleId, null, "First words of " + poster.username(), poster.key()));
        }
        round.add(comment(twice, articleId, null, "Double click by " + twice.username(), twice.key()));
        round.add(comment(twice, articleId, null, "Double click by " + twice.username(), twice.key()));
        for (Reader recommender : posters.subList(0, RECOMMENDERS)) {
            round.add(recommend(recommender, target));
        }
        for (int i = 0; i < HASTY; i++) {
            round.add(comment(hasty, articleId, null, "Hasty thought number " + i, UUID.randomUUID().toString()));
        }
        List<Answer> answers = atOnce(round);

        assertNoErrors(answers);
        List<Answer> hastyAnswers = answers.subList(answers.size() - HASTY, answers.size());
        answers = answers.subList(0, answers.size() - HASTY);
        assertPosted(hastyAnswers.stream().filter(a -> a.status() == 302).toList(), articleUrl);
        List<Answer> refused = hastyAnswers.stream().filter(a -> a.status() != 302).toList();
        assertThat(refused).as("posts over the limit of a minute").hasSize(HASTY - CommentPosting.POSTS_PER_MINUTE)
                .allSatisfy(a -> {
                    assertThat(a.status()).isEqualTo(422);
                    assertThat(Jsoup.parse(a.body()).select("#comment-text-error").text())
                            .startsWith("You can post up to 5 comments a minute.");
                });
        assertThat(count("SELECT COUNT(*) FROM comment WHERE author_id = ?", hasty.id()))
                .isEqualTo(CommentPosting.POSTS_PER_MINUTE);
        assertPosted(answers.subList(0, POSTERS + 2), articleUrl);
        assertThat(answers.get(POSTERS).location()).as("both submissions lead to the one comment")
                .isEqualTo(answers.get(POSTERS + 1).location());
        assertThat(answers.subList(POSTERS + 2, answers.size())).allSatisfy(a -> {
            assertThat(a.status()).as(a.who() + ": " + a.body()).isEqualTo(200);
            assertThat(a.body()).contains("\"recommended\":true");
        });
        for (Reader poster : posters) {
            assertThat(count("SELECT COUNT(*) FROM comment WHERE article_id = ? AND author_id = ? AND body = ?",
                    articleId, poster.id(), "First words of " + poster.username())).as(poster.username())
                    .isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM comment WHERE author_id = ?", poster.id())).isEqualTo(1);
        }
        assertThat(count("SELECT COUNT(*) FROM comment WHERE author_id = ?", twice.id()))
                .as("one comment from the form submitted twice").isEqualTo(1);
        assertThat(commentCountOf(articleId)).isEqualTo(1 + POSTERS + 1 + CommentPosting.POSTS_PER_MINUTE);
        assertThat(count("SELECT recommend_count FROM comment WHERE id = ?", target)).isEqualTo(RECOMMENDERS);
        assertCountersMatchRows(articleId, target);

        // Round two: the recommendations withdrawn while ten readers reply, and a reply submitted twice.
        round = new ArrayList<>();
        for (Reader recommender : posters.subList(0, RECOMMENDERS)) {
            round.add(recommend(recommender, target));
        }
        for (Reader poster : posters.subList(RECOMMENDERS, POSTERS)) {
            round.add(comment(poster, articleId, target, "A reply from " + poster.username(),
                    UUID.randomUUID().toString()));
        }
        String replyKey = UUID.randomUUID().toString();
        round.add(comment(twice, articleId, target, "Double reply by " + twice.username(), replyKey));
        round.add(comment(twice, articleId, target, "Double reply by " + twice.username(), replyKey));
        answers = atOnce(round);

        assertNoErrors(answers);
        assertThat(answers.subList(0, RECOMMENDERS)).allSatisfy(a -> {
            assertThat(a.status()).as(a.who() + ": " + a.body()).isEqualTo(200);
            assertThat(a.body()).contains("\"recommended\":false");
        });
        for (Answer reply : answers.subList(RECOMMENDERS, answers.size())) {
            assertThat(reply.location()).as(reply.who()).isNotNull();
            String id = reply.location().replaceAll(".*#comment-", "");
            assertPosted(List.of(reply), "/comments/" + id);
        }
        assertThat(count("SELECT COUNT(*) FROM comment WHERE author_id = ? AND parent_id = ?", twice.id(), target))
                .as("one reply from the form submitted twice").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM comment WHERE parent_id = ?", target))
                .isEqualTo(POSTERS - RECOMMENDERS + 1);
        assertThat(count("SELECT recommend_count FROM comment WHERE id = ?", target)).isZero();
        assertThat(count("SELECT reply_count FROM comment WHERE id = ?", target))
                .isEqualTo(POSTERS - RECOMMENDERS + 1);
        assertThat(commentCountOf(articleId))
                .isEqualTo(1 + POSTERS + 1 + CommentPosting.POSTS_PER_MINUTE + POSTERS - RECOMMENDERS + 1);
        assertCountersMatchRows(articleId, target);
    }
}
