package org.broadsheet.comment.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.broadsheet.account.AccountUser;
import org.broadsheet.comment.CommentService;
import org.broadsheet.comment.CommentViews.CommentBox;
import org.broadsheet.comment.CommentViews.ArticleRef;
import org.broadsheet.comment.CommentViews.CommentTools;
import org.broadsheet.comment.CommentViews.Fold;
import org.broadsheet.comment.CommentViews.Removed;
import org.broadsheet.comment.CommentService.Waiting;
import org.broadsheet.comment.ModerationRules;
import org.broadsheet.comment.RejectReason;
import org.broadsheet.comment.ModerationRules.Notice;
import org.broadsheet.comment.CommentViews.Viewer;
import org.broadsheet.comment.FollowedAuthors;
import org.broadsheet.comment.IgnoredReaders;
import org.broadsheet.comment.SignedInReader;
import org.broadsheet.pages.PagePart;
import org.broadsheet.pages.PageReader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The parts of the conversation that differ between readers ({@code comment/parts.html}): the comment box (or the
 * invitation to join), the page's one form for the comments' buttons, each comment's actions, and the fold of a
 * reader the reader ignores. A signed-in reader's page costs three small queries, which comments on it they
 * recommend, whom they ignore and whom among its authors they follow, and the renderings of each situation are
 * kept with the page.
 */
@Configuration(proxyBeanMethods = false)
class CommentParts {

    static final String FRAGMENTS = "comment/parts";

    /** What a comment's actions look like to one reader. */
    enum Tools { ANONYMOUS, OTHERS, RECOMMENDED, OWN, OWN_EDITABLE }

    /**
     * What the comment box reads for a signed-in reader: a sanction that stops them posting (said in the box's
     * place), and their comments here that wait for a moderator (shown to them only, above the conversation).
     */
    record BoxState(Notice notice, List<Waiting> waiting) {
    }

    @Bean
    PagePart<ArticleRef, BoxState> commentBox(CommentService comments, ObjectProvider<ModerationRules> rules) {
        return new PagePart<>() {
            @Override
            public String name() {
                return "comment-box";
            }

            @Override
            public String fragment() {
                return FRAGMENTS + " :: box";
            }

            @Override
            public BoxState prepare(PageReader reader, List<ArticleRef> places) {
                Long accountId = accountId(reader);
                if (accountId == null || places.isEmpty()) {
                    return null;
                }
                ModerationRules moderation = rules.getIfAvailable();
                return new BoxState(moderation == null ? null : moderation.notice(accountId),
                        comments.waitingFor(accountId, places.get(0).id()));
            }

            @Override
            public Object variant(ArticleRef article, BoxState state, PageReader reader) {
                // A signed-in reader's box holds a key of its own and any text they started.
                return reader.signedIn() ? null : "anonymous";
            }

            @Override
            public Map<String, Object> model(ArticleRef article, BoxState state, PageReader reader) {
                Map<String, Object> model = new HashMap<>();
                model.put("article", article);
                model.put("signedIn", reader.signedIn());
                model.put("notice", state == null ? null : state.notice());
                model.put("waiting", state == null ? List.of() : state.waiting());
                model.put("key", CommentBox.fresh(null).key());
                model.put("text", reader.signedIn() && (state == null || state.notice() == null)
                        ? SignedInReader.takePendingComment(article.url()) : null);
                return model;
            }
        };
    }

    /** A comment a moderator removed: its author sees what they wrote and why, everyone else a placeholder. */
    @Bean
    PagePart<Removed, Void> removedComment() {
        return new Part<>("removed-comment", "removed") {
            @Override
            public Object variant(Removed removed, Void state, PageReader reader) {
                Long accountId = accountId(reader);
                return accountId != null && accountId.equals(removed.authorId()) ? null : "others";
            }

            @Override
            public Map<String, Object> model(Removed removed, Void state, PageReader reader) {
                Long accountId = accountId(reader);
                return Map.of("r", removed, "own", accountId != null && accountId.equals(removed.authorId()));
            }
        };
    }

    @Bean
    PagePart<ArticleRef, Void> commentFormToken() {
        return new Part<>("comment-form-token", "form-token") {
            @Override
            public Object variant(ArticleRef article, Void state, PageReader reader) {
                return reader.signedIn() ? null : "anonymous";
            }

            @Override
            public Map<String, Object> model(ArticleRef article, Void state, PageReader reader) {
                return Map.of("signedIn", reader.signedIn());
            }
        };
    }

    /** What the comments' actions read for a signed-in reader: what they recommend and whom they follow. */
    record ToolsState(Viewer viewer, Set<Long> followed) {
    }

    @Bean
    PagePart<CommentTools, ToolsState> commentTools(CommentService comments, ObjectProvider<FollowedAuthors> follows) {
        return new PagePart<>() {
            @Override
            public String name() {
                return "comment-tools";
            }

            @Override
            public String fragment() {
                return FRAGMENTS + " :: tools";
            }

            @Override
            public ToolsState prepare(PageReader reader, List<CommentTools> places) {
                Long accountId = accountId(reader);
                if (accountId == null) {
                    return null;
                }
                Viewer viewer = comments.viewer(accountId, places.stream().map(CommentTools::id).toList());
                FollowedAuthors following = follows.getIfAvailable();
                List<Long> authors = places.stream().map(CommentTools::authorId).filter(Objects::nonNull).distinct()
                        .toList();
                Set<Long> followed = following == null || authors.isEmpty() ? Set.of()
                        : following.followedAmong(accountId, authors);
                return new ToolsState(viewer, followed);
            }

            @Override
            public Object variant(CommentTools t, ToolsState state, PageReader reader) {
                if (state != null && reader.hasRole("MODERATOR")) {
                    return null; // a moderator's tools hold a form of their own, with its token
                }
                return List.of(tools(t, state), state != null && state.followed().contains(t.authorId()));
            }

            @Override
            public Map<String, Object> model(CommentTools t, ToolsState state, PageReader reader) {
                Tools tools = tools(t, state);
                Map<String, Object> model = new HashMap<>();
                model.put("t", t);
                model.put("signedIn", state != null);
                model.put("own", tools == Tools.OWN || tools == Tools.OWN_EDITABLE);
                model.put("editable", tools == Tools.OWN_EDITABLE);
                model.put("recommended", tools == Tools.RECOMMENDED);
                model.put("followed", state != null && state.followed().contains(t.authorId()));
                model.put("moderator", state != null && reader.hasRole("MODERATOR"));
                model.put("reasons", RejectReason.values());
                return model;
            }
        };
    }

    private static Tools tools(CommentTools t, ToolsState state) {
        if (state == null) {
            return Tools.ANONYMOUS;
        }
        Viewer viewer = state.viewer();
        if (viewer.owns(t.authorId())) {
            return viewer.canEdit(t.authorId(), t.postedAt()) ? Tools.OWN_EDITABLE : Tools.OWN;
        }
        return viewer.recommends(t.id()) ? Tools.RECOMMENDED : Tools.OTHERS;
    }

    @Bean
    PagePart<Fold, Set<Long>> ignoreOpen(IgnoredReaders ignored) {
        return fold("ignore-open", ignored);
    }

    @Bean
    PagePart<Fold, Set<Long>> ignoreClose(IgnoredReaders ignored) {
        return fold("ignore-close", ignored);
    }

    /** The fold around a comment of a reader the reader ignores, opened before it and closed after it. */
    private static PagePart<Fold, Set<Long>> fold(String name, IgnoredReaders readers) {
        return new PagePart<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String fragment() {
                return FRAGMENTS + " :: " + name;
            }

            @Override
            public Set<Long> prepare(PageReader reader, List<Fold> places) {
                Long accountId = accountId(reader);
                return accountId == null ? Set.of() : ignored(reader.request(), accountId, readers);
            }

            @Override
            public Object variant(Fold fold, Set<Long> ignored, PageReader reader) {
                return fold.authorId() != null && ignored.contains(fold.authorId());
            }

            @Override
            public Map<String, Object> model(Fold fold, Set<Long> ignored, PageReader reader) {
                return Map.of("f", fold, "ignored", variant(fold, ignored, reader));
            }
        };
    }

    /** Whom the reader ignores, read once for the request (the opening and the closing of folds both ask). */
    @SuppressWarnings("unchecked")
    private static Set<Long> ignored(HttpServletRequest request, long accountId, IgnoredReaders readers) {
        String attribute = CommentParts.class.getName() + ".ignored";
        Object known = request.getAttribute(attribute);
        if (known instanceof Set<?> set) {
            return (Set<Long>) set;
        }
        Set<Long> ignored = readers.ids(accountId);
        request.setAttribute(attribute, ignored);
        return ignored;
    }

    private static Long accountId(PageReader reader) {
        return reader.principal() instanceof AccountUser user ? user.id() : null;
    }

    /** A part that needs nothing read for its reader beforehand. */
    private abstract static class Part<A> implements PagePart<A, Void> {

        private final String name;
        private final String fragment;

        Part(String name, String fragment) {
            this.name = name;
            this.fragment = fragment;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String fragment() {
            return FRAGMENTS + " :: " + fragment;
        }

        @Override
        public Void prepare(PageReader reader, List<A> places) {
            return null;
        }
    }
}
