package org.broadsheet.comment.web;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.comment.CommentViews.ArticleRef;
import org.broadsheet.comment.CommentViews.CommentView;
import org.broadsheet.comment.CommentViews.Discussion;
import org.broadsheet.comment.CommentViews.ThreadPage;
import org.broadsheet.comment.CommentViews.ThreadView;
import org.broadsheet.comment.CommentViews.Viewer;
import org.broadsheet.comment.ThreadPageCache;
import org.broadsheet.shared.web.FragmentRenderer;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The conversation as a signed-in reader sees it. A page of threads is rendered once for every signed-in reader
 * (and kept as long as its threads are), with what differs between readers marked; each reader's view is then
 * one pass of {@link PersonalTemplate} over that text, so a busy article costs a signed-in reader two small
 * queries and no template rendering.
 */
@Component
class SignedInConversation {

    static final String DISCUSSION = "comment/fragments :: discussion(d=${d}, tpl=true)";
    static final String THREAD = "comment/fragments :: thread(t=${t}, tpl=true, article=${article}, "
            + "highlighted=${highlighted}, back=${back})";
    static final String COMMENT = "comment/fragments :: comment(c=${c}, tpl=true, article=${article}, "
            + "highlighted=${highlighted}, back=${back})";

    private final FragmentRenderer fragments;
    private final ThreadPageCache cache;

    SignedInConversation(FragmentRenderer fragments, ThreadPageCache cache) {
        this.fragments = fragments;
        this.cache = cache;
    }

    /** The page of threads, with the comment box, as this reader sees it. */
    Discussion render(Discussion d, HttpServletRequest request, HttpServletResponse response) {
        String template = cache.signedIn(d.article().id(), d.sort(), d.threads().page(), d.threads().items(),
                () -> fragments.render(DISCUSSION, Map.of("d", d), request, response));
        return d.withPersonalHtml(PersonalTemplate.apply(template,
                reader(d.viewer(), d.threads().items(), d.box().key(), d.box().text(), request)));
    }

    /** A whole thread, as its permalink shows it to this reader. */
    ThreadPage render(ThreadPage page, HttpServletRequest request, HttpServletResponse response) {
        String template = fragments.render(THREAD, Map.of("t", page.thread(), "article", page.article(),
                "highlighted", page.highlighted(), "back", "/comments/" + page.highlighted()), request, response);
        return page.withPersonalHtml(PersonalTemplate.apply(template,
                reader(page.viewer(), List.of(page.thread()), "", null, request)));
    }

    /** One comment of the reader's own, just posted, as the page's script adds it in place. */
    String renderOwn(CommentView comment, ArticleRef article, Viewer viewer, HttpServletRequest request,
            HttpServletResponse response) {
        String template = fragments.render(COMMENT, Map.of("c", comment, "article", article, "highlighted",
                comment.id(), "back", comment.permalink()), request, response);
        return PersonalTemplate.apply(template, reader(viewer,
                List.of(new ThreadView(comment, 0, 0)), "", null, request));
    }

    private static PersonalTemplate.Reader reader(Viewer viewer, Iterable<ThreadView> threads, String key,
            String text, HttpServletRequest request) {
        Set<Long> own = new HashSet<>();
        Set<Long> editable = new HashSet<>();
        for (ThreadView thread : threads) {
            collect(thread.root(), viewer, own, editable);
        }
        return new PersonalTemplate.Reader(csrfField(request), key, text, own, editable, viewer.recommended(),
                viewer.ignored());
    }

    private static void collect(CommentView comment, Viewer viewer, Set<Long> own, Set<Long> editable) {
        if (viewer.owns(comment)) {
            own.add(comment.id());
            if (viewer.canEdit(comment)) {
                editable.add(comment.id());
            }
        }
        for (CommentView reply : comment.replies()) {
            collect(reply, viewer, own, editable);
        }
    }

    /** The form token field, as Thymeleaf would write it into a form. */
    private static String csrfField(HttpServletRequest request) {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        if (token == null) {
            return "";
        }
        return "<input type=\"hidden\" name=\"" + HtmlUtils.htmlEscape(token.getParameterName()) + "\" value=\""
                + HtmlUtils.htmlEscape(token.getToken()) + "\"/>";
    }
}
