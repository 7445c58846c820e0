package org.broadsheet.comment.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.account.AccountUser;
import org.broadsheet.comment.CommentRejectedException;
import org.broadsheet.comment.CommentPosting;
import org.broadsheet.comment.CommentService;
import org.broadsheet.comment.CommentSort;
import org.broadsheet.comment.CommentViews.CommentBox;
import org.broadsheet.comment.CommentViews.CommentInContext;
import org.broadsheet.comment.CommentViews.Discussion;
import org.broadsheet.comment.CommentViews.Posted;
import org.broadsheet.comment.CommentViews.ThreadPage;
import org.broadsheet.shared.NotFoundException;
import org.broadsheet.comment.CommentViews.CommentView;
import org.broadsheet.pages.CacheablePage;
import org.broadsheet.pages.FragmentRenderer;
import org.broadsheet.pages.PageTags;
import org.broadsheet.shared.ContentChangedEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Reading and joining the conversation: pages of threads, a comment's permalink, the reply page, and posting
 * (post/redirect/get to the new comment, or the new comment's HTML when the page's script posts in place).
 */
@Controller
class CommentController {

    static final String PAGE_VIEW = "comment/page";
    static final String THREAD_VIEW = "comment/thread";
    static final String COMPOSE_VIEW = "comment/compose";
    /** Sent by the page's script when it posts a comment in place and wants the comment's HTML back. */
    static final String IN_PLACE_HEADER = "X-Comment-In-Place";
    static final int MAX_PAGE = 10_000;
    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    static final String COMMENT_FRAGMENT = "comment/fragments :: comment(c=${c}, article=${article}, "
            + "highlighted=${highlighted}, back=${back})";

    private final CommentService comments;
    private final CommentPosting posting;
    private final FragmentRenderer fragments;
    private final MessageSource messages;

    CommentController(CommentService comments, CommentPosting posting, FragmentRenderer fragments,
            MessageSource messages) {
        this.comments = comments;
        this.posting = posting;
        this.fragments = fragments;
        this.messages = messages;
    }

    @CacheablePage
    @GetMapping("/articles/{id}/comments")
    String page(@PathVariable long id, @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = CommentSort.DEFAULT_PARAM) String sort, Model model) {
        if (page < 1 || page > MAX_PAGE) {
            throw new NotFoundException("comment page " + page);
        }
        Discussion discussion = comments.discussion(id, sortOf(sort), page);
        PageTags.add(ContentChangedEvent.conversation(id), ContentChangedEvent.article(id));
        model.addAttribute("discussion", discussion);
        return PAGE_VIEW;
    }

    @CacheablePage
    @GetMapping("/comments/{id}")
    String permalink(@PathVariable long id, Model model) {
        ThreadPage thread = comments.thread(id);
        PageTags.add(ContentChangedEvent.conversation(thread.article().id()),
                ContentChangedEvent.article(thread.article().id()));
        model.addAttribute("thread", thread);
        return THREAD_VIEW;
    }

    @GetMapping("/comments/{id}/reply")
    String replyForm(@PathVariable long id, Model model) {
        CommentInContext parent = comments.inContext(id);
        if (parent.comment().deleted()) {
            throw new NotFoundException("comment " + id);
        }
        model.addAttribute("context", parent);
        model.addAttribute("article", parent.article());
        model.addAttribute("box", CommentBox.fresh(null));
        return COMPOSE_VIEW;
    }

    /**
     * Posting from the page's script: the new comment's HTML to add in place (201), or a refusal (422) after
     * which the script submits the form again as a plain post to show the message beside the text.
     */
    @PostMapping(path = "/articles/{id}/comments", headers = IN_PLACE_HEADER)
    ResponseEntity<String> postInPlace(@PathVariable long id, @ModelAttribute CommentForm form,
            @AuthenticationPrincipal AccountUser user, HttpServletRequest request, HttpServletResponse response) {
        try {
            Posted posted = posting.post(user.id(), id, form.parentId(), form.text(), form.key());
            if (posted.held()) {
                return ResponseEntity.status(HttpStatus.ACCEPTED).build();
            }
            CommentView comment = comments.inContext(posted.id()).comment();
            // Rendered for its author, the parts in place: what a page load would show them.
            String html = fragments.render(COMMENT_FRAGMENT, Map.of("c", comment, "article", comments.article(id),
                    "highlighted", comment.id(), "back", comment.permalink()), request, response);
            return ResponseEntity.status(HttpStatus.CREATED).contentType(HTML).body(html);
        } catch (CommentRejectedException e) {
            return ResponseEntity.unprocessableContent().contentType(TEXT)
                    .body(messages.getMessage(e.code(), e.args(), LocaleContextHolder.getLocale()));
        }
    }

    @PostMapping("/articles/{id}/comments")
    String post(@PathVariable long id, @ModelAttribute CommentForm form, @AuthenticationPrincipal AccountUser user,
            Model model, HttpServletResponse response, RedirectAttributes flash) {
        try {
            Posted posted = posting.post(user.id(), id, form.parentId(), form.text(), form.key());
            if (posted.held()) {
                flash.addFlashAttribute("notice", "comment.held.posted." + (posted.holdReason() == null ? "unverified"
                        : posted.holdReason().name().toLowerCase(java.util.Locale.ROOT)));
                return "redirect:" + comments.article(id).url() + "#comments";
            }
            return "redirect:" + location(posted, form.parentId());
        } catch (CommentRejectedException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("article", comments.article(id));
            if (form.parentId() != null) {
                try {
                    model.addAttribute("context", comments.inContext(form.parentId()));
                } catch (NotFoundException gone) {
                    // The comment replied to is gone: the text can still be posted as a comment of its own.
                }
            }
            model.addAttribute("box", new CommentBox(form.key(), form.text()));
            model.addAttribute("error", messages.getMessage(e.code(), e.args(), LocaleContextHolder.getLocale()));
            return COMPOSE_VIEW;
        }
    }

    /** A new thread is shown on the article (first in the default order), a reply in its thread. */
    private String location(Posted posted, Long parentId) {
        String anchor = "#comment-" + posted.id();
        return parentId == null ? comments.article(posted.articleId()).url() + anchor
                : "/comments/" + posted.id() + anchor;
    }

    static CommentSort sortOf(String sort) {
        try {
            return CommentSort.parse(sort);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown comment order");
        }
    }
}
