package org.broadsheet.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.EntityManagerFactory;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.AccountUserDetailsService;
import org.broadsheet.account.Role;
import org.broadsheet.article.ArticleService;
import org.broadsheet.article.ArticleCards;
import org.broadsheet.article.ArticleImports;
import org.broadsheet.article.ArticleTestData;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Conversations rendered through the whole application: a page of threads costs the same few SQL statements for
 * an article with 5 comments as for one with 500, for anonymous and signed-in readers alike, and the threads are
 * paged twenty at a time. Run on H2 and on PostgreSQL by the subclasses.
 */
@TestInstance(Lifecycle.PER_CLASS)
abstract class CommentPagesScenarios {

    private static final String PASSWORD = "marble-orchard-signal";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** Threads under the big article; with {@link #REPLIES} replies it carries 500 comments. */
    private static final int THREADS = 400;
    private static final int REPLIES = 100;

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
    CommentSeeder seeder;

    

    @Autowired
    IgnoredReaders ignoredReaders;

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Autowired
    PlatformTransactionManager transactions;

    private Statistics statistics;
    private long small;
    private long big;
    private String smallUrl;
    private String bigUrl;
    private UserDetails reader;
    private final List<Long> bigThreads = new ArrayList<>();

    private long account(String name) {
        String username = name + SEQUENCE.incrementAndGet() + Long.toString(System.nanoTime() % 1_000_000, 36);
        accounts.createVerified(username, "Reader " + username, username + "@example.com", PASSWORD,
                EnumSet.of(Role.READER));
        return accounts.idOf(username).orElseThrow();
    }

    @BeforeAll
    void seed() {
        statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.setStatisticsEnabled(true);
        ArticleTestData data = new ArticleTestData(imports);
        String section = data.section(null);
        small = data.article(section, data.author()).save();
        big = data.article(section, data.author()).save();
        smallUrl = articleCards.cardsFor(List.of(small)).get(0).url();
        bigUrl = articleCards.cardsFor(List.of(big)).get(0).url();
        List<Long> people = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            people.add(account("talker"));
        }
        long readerId = account("viewer");
        reader = users.loadUserByUsername(accounts.view(readerId).username());

        // One transaction for all of it: seeding is then quick, and the rows are the same.
        new TransactionTemplate(transactions).executeWithoutResult(status -> seedComments(people, readerId));
    }

    private void seedComments(List<Long> people, long readerId) {
        Instant base = Instant.now().minus(Duration.ofDays(3));
        // 5 comments: three threads, one with a reply and a reply to that.
        long first = seeder.comment(small, null, people.get(0), "Small one", base);
        long reply = seeder.comment(small, first, people.get(1), "Small two", base.plusSeconds(10));
        seeder.comment(small, reply, people.get(2), "Small three", base.plusSeconds(20));
        seeder.comment(small, null, people.get(3), "Small four", base.plusSeconds(30));
        seeder.comment(small, null, people.get(4), "Small five", base.plusSeconds(40));

        // 500 comments: 400 threads; the 10 newest have 10 replies each, nested up to five deep.
        for (int i = 0; i < THREADS; i++) {
            bigThreads.add(seeder.comment(big, null, people.get(i % people.size()), "Thread " + i,
                    base.plus(Duration.ofMinutes(i))));
        }
        Instant later = base.plus(Duration.ofDays(1));
        int n = 0;
        for (int t = THREADS - 1; n < REPLIES; t--) {
            long parent = bigThreads.get(t);
            for (int r = 0; r < 10; r++, n++) {
                // Replies 0-4 each answer the one before, 5-9 answer the thread.
                long id = seeder.comment(big, r < 5 ? parent : bigThreads.get(t), people.get((t + r) % people.size()),
                        "Reply " + r + " in " + t, later.plusSeconds(n));
                if (r < 5) {
                    parent = id;
                }
            }
        }
        // The reader recommends one comment on each page and ignores one of the talkers.
        seeder.recommend(first, List.of(readerId), base);
        seeder.recommend(bigThreads.get(THREADS - 1), List.of(readerId, people.get(1)), base);
        ignoredReaders.ignoreAuthorOf(readerId, bigThreads.get(THREADS - 2));
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    private MockHttpServletRequestBuilder signedIn(String url) {
        return get(url).with(user(reader));
    }

    private long statementsFor(MockHttpServletRequestBuilder request) throws Exception {
        page(request); // warm: the section tree is read
        // The articles module reads its section tree again every few seconds, so at most one of two renders in a
        // row can include that: the fewer statements are the page's own.
        return Math.min(countedRender(request), countedRender(request));
    }

    private long countedRender(MockHttpServletRequestBuilder request) throws Exception {
        statistics.clear();
        page(request);
        return statistics.getPrepareStatementCount();
    }

    @Test
    void shouldRenderTheConversationsItIsAskedAbout() throws Exception {
        assertThat(articles.commentTarget(small).orElseThrow().commentCount()).isEqualTo(5);
        assertThat(articles.commentTarget(big).orElseThrow().commentCount()).isEqualTo(THREADS + REPLIES);

        Document smallPage = page(get(smallUrl));
        assertThat(smallPage.select("li.thread")).hasSize(3);
        assertThat(smallPage.select("li.comment")).hasSize(5);
        Document bigPage = page(get(bigUrl));
        assertThat(bigPage.select("li.thread")).hasSize(CommentService.THREADS_PER_PAGE);
        assertThat(bigPage.select("li.thread").first().id()).isEqualTo("thread-" + bigThreads.get(THREADS - 1));
        // Ten threads with five of their ten replies each, ten without replies.
        assertThat(bigPage.select("li.comment")).hasSize(20 + 10 * CommentService.REPLIES_PER_THREAD);
        assertThat(bigPage.select(".more-replies a")).hasSize(10)
                .allSatisfy(link -> assertThat(link.text()).isEqualTo("Show 5 more replies"));
        assertThat(bigPage.select("li.comment.level-3 .in-reply-to")).isNotEmpty();
        assertThat(bigPage.select("nav.comment-pages a[rel=next]").attr("href"))
                .isEqualTo("/articles/" + big + "/comments?page=2");

        Document asReader = page(signedIn(bigUrl));
        assertThat(asReader.select("form#comment-form")).hasSize(1);
        assertThat(asReader.select("#comment-" + bigThreads.get(THREADS - 1) + " button.recommend").first()
                .attr("aria-pressed")).isEqualTo("true");
        assertThat(asReader.select("#comment-" + bigThreads.get(THREADS - 2) + " > article details.ignored"))
                .hasSize(1);
        assertThat(asReader.select("#comment-" + bigThreads.get(THREADS - 3) + " > article details.ignored"))
                .isEmpty();
    }

    @Test
    void shouldCostTheSameStatementsForFiveCommentsAsForFiveHundred() throws Exception {
        long smallCount = statementsFor(get(smallUrl));
        long bigCount = statementsFor(get(bigUrl));
        assertThat(bigCount).as("anonymous: 500 comments against 5").isEqualTo(smallCount);
        // The article's own statements, then the number of threads, a page of them, their first replies, the
        // editors' picks and their authors.
        assertThat(bigCount).isLessThanOrEqualTo(13);

        long smallSignedIn = statementsFor(signedIn(smallUrl));
        long bigSignedIn = statementsFor(signedIn(bigUrl));
        assertThat(bigSignedIn).as("signed in: 500 comments against 5").isEqualTo(smallSignedIn);
        // What the reader recommends among them, whom they ignore and their own comments waiting for a moderator.
        assertThat(bigSignedIn).isLessThanOrEqualTo(bigCount + 3);
    }

    @Test
    void shouldPageTheConversationTwentyThreadsAtATime() throws Exception {
        Document second = page(get("/articles/" + big + "/comments?page=2"));
        assertThat(second.select("li.thread")).hasSize(CommentService.THREADS_PER_PAGE);
        List<String> expected = new ArrayList<>();
        for (int i = THREADS - 21; i >= THREADS - 40; i--) {
            expected.add("thread-" + bigThreads.get(i));
        }
        assertThat(second.select("li.thread").eachAttr("id")).containsExactlyElementsOf(expected);
        long pages = THREADS / CommentService.THREADS_PER_PAGE;
        Document last = page(get("/articles/" + big + "/comments?page=" + (pages)));
        assertThat(last.select("li.thread")).hasSize(CommentService.THREADS_PER_PAGE);
        assertThat(last.select("li.thread").last().id()).isEqualTo("thread-" + bigThreads.get(0));
        assertThat(last.select("nav.comment-pages a[rel=next]")).isEmpty();
        mvc.perform(get("/articles/" + big + "/comments?page=" + (pages + 1)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/articles/" + big + "/comments?page=26")).andExpect(status().isNotFound());

        // Later pages cost what the first does.
        assertThat(statementsFor(get("/articles/" + big + "/comments?page=7")))
                .isEqualTo(statementsFor(get("/articles/" + big + "/comments?page=2")));
    }
}
