package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.AccountUserDetailsService;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleCards;
import org.broadsheet.article.ArticleImports;
import org.broadsheet.article.ArticleTestData;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a review found when two things happen to a comment at once, or when text is extreme: each case now ends
 * in a state the rules allow, and no reader gets an error page. Run on H2 and on PostgreSQL by the subclasses.
 */
abstract class CommentRacesScenarios {

    private static final String PASSWORD = "copper-kettle-meadow";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    ArticleService articles;

    @Autowired
    ArticleCards articleCards;

    @Autowired
    ArticleImports imports;

    @Autowired
    AccountService accounts;

    @Autowired
    AccountUserDetailsService users;

    @Autowired
    CommentPosting posting;

    @Autowired
    CommentEditing editing;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private long account(String name) {
        String username = name + SEQUENCE.incrementAndGet() + Long.toString(System.nanoTime() % 1_000_000, 36);
        accounts.createVerified(username, "Reader " + username, username + "@example.com", PASSWORD,
                EnumSet.of(Role.READER));
        return accounts.idOf(username).orElseThrow();
    }

    private UserDetails signedIn(long id) {
        return users.loadUserByUsername(accounts.view(id).username());
    }

    private long article() {
        ArticleTestData data = new ArticleTestData(imports);
        return data.article(data.section(null), data.author()).save();
    }

    private String url(long article) {
        return articleCards.cardsFor(List.of(article)).get(0).url();
    }

    private void assertCountMatchesRows(long article) {
        Integer visible = jdbc.queryForObject(
                "SELECT COUNT(*) FROM comment WHERE article_id = ? AND status = 'VISIBLE'", Integer.class, article);
        assertThat(articles.commentTarget(article).orElseThrow().commentCount()).isEqualTo(visible);
    }

    /** Runs {@code first} in a transaction that stays open a moment after it, while {@code second} runs. */
    private Throwable overlapping(Runnable first, Runnable second) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                new TransactionTemplate(transactions).executeWithoutResult(status -> {
                    first.run();
                    started.countDown();
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (RuntimeException e) {
                failure.set(e);
                started.countDown();
            }
        });
        thread.start();
        started.await();
        second.run();
        thread.join();
        return failure.get();
    }

    @Test
    void shouldAnonymiseACommentPostedWhileItsAuthorDeletesTheirAccount() throws Exception {
        long leaving = account("leaving");
        long reader = account("staying");
        long article = article();
        posting.post(reader, article, null, "An earlier comment", UUID.randomUUID().toString());

        Throwable failure = overlapping(
                () -> posting.post(leaving, article, null, "Posted while leaving", UUID.randomUUID().toString()),
                () -> assertThat(accounts.delete(leaving, PASSWORD)).isTrue());

        assertThat(failure).isNull();
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT status, body FROM comment WHERE article_id = ? AND author_id IS NULL", article);
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("STATUS") != null ? row.get("STATUS") : row.get("status")).isEqualTo("DELETED");
            assertThat(row.get("BODY") != null ? row.get("BODY") : row.get("body")).isNull();
        });
        assertCountMatchesRows(article);
        for (String path : List.of(url(article), "/articles/" + article + "/comments")) {
            mvc.perform(get(path).with(user(signedIn(reader)))).andExpect(
                    result -> assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200));
        }
    }

    @Test
    void shouldKeepADeletionThatArrivesWhileTheCommentIsBeingEdited() throws Exception {
        long author = account("author");
        long other = account("other");
        long article = article();
        long mine = posting.post(author, article, null, "Original text", UUID.randomUUID().toString()).id();
        posting.post(other, article, mine, "A reply keeps a placeholder", UUID.randomUUID().toString());

        Throwable failure = overlapping(() -> editing.edit(author, mine, "Edited text"),
                () -> editing.delete(author, mine));

        assertThat(failure).isNull();
        Map<String, Object> row = jdbc.queryForMap("SELECT status, body FROM comment WHERE id = ?", mine);
        assertThat(row.values()).containsExactly("DELETED", null);
        assertCountMatchesRows(article);
    }

    @Test
    void shouldStoreAFullLengthCommentWhoseLinkEscapesToLongHtml() throws Exception {
        long poster = account("linker");
        long article = article();
        String text = "https://a.example/" + "&".repeat(4_900);

        mvc.perform(post("/articles/" + article + "/comments").param("text", text)
                .param("key", UUID.randomUUID().toString()).with(user(signedIn(poster))).with(csrf()))
                .andExpect(result -> assertThat(result.getResponse().getStatus()).isEqualTo(302));

        assertThat(jdbc.queryForObject("SELECT LENGTH(body_html) FROM comment WHERE article_id = ?", Integer.class,
                article)).isGreaterThan(40_000);
    }

    @Test
    void shouldKeepTheTextOfAReplyToACommentThatIsGone() throws Exception {
        long author = account("parent");
        long replier = account("replier");
        long article = article();
        long parent = posting.post(author, article, null, "Soon gone", UUID.randomUUID().toString()).id();
        editing.delete(author, parent);

        String page = mvc.perform(post("/articles/" + article + "/comments").param("text", "My long reply")
                .param("parentId", String.valueOf(parent)).param("key", UUID.randomUUID().toString())
                .with(user(signedIn(replier))).with(csrf()))
                .andExpect(result -> assertThat(result.getResponse().getStatus()).isEqualTo(422))
                .andReturn().getResponse().getContentAsString();

        assertThat(Jsoup.parse(page).select("textarea[name=text]").text()).isEqualTo("My long reply");
        assertThat(Jsoup.parse(page).select("p.error").text())
                .isEqualTo("The comment you are replying to is no longer there.");
        assertThat(Jsoup.parse(page).select("input[name=parentId]")).isEmpty();
    }
}
