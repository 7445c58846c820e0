package org.broadsheet.moderation.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.broadsheet.account.AccountUser;
import org.broadsheet.comment.CommentRejectedException;
import org.broadsheet.comment.ModerationQueues;
import org.broadsheet.comment.ModerationQueues.QueueItem;
import org.broadsheet.moderation.ReviewRequests;
import org.broadsheet.moderation.Sanctions;
import org.broadsheet.shared.NotFoundException;
import org.broadsheet.shared.web.ContinuePaths;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What readers do about moderation: ask, once per rejected comment of theirs, for a review with a short note
 * ({@code /comments/{id}/review}), and acknowledge a warning so that they may post again. Only the comment's
 * author reaches its review page; anyone else gets a 404.
 */
@Controller
class ReaderModerationPagesController {

    static final String REVIEW_VIEW = "moderation/review";

    private final ModerationQueues queues;
    private final ReviewRequests reviews;
    private final Sanctions sanctions;
    private final MessageSource messages;

    ReaderModerationPagesController(ModerationQueues queues, ReviewRequests reviews, Sanctions sanctions,
            MessageSource messages) {
        this.queues = queues;
        this.reviews = reviews;
        this.sanctions = sanctions;
        this.messages = messages;
    }

    @GetMapping("/comments/{id}/review")
    String reviewForm(@PathVariable long id, @AuthenticationPrincipal AccountUser user, Model model) {
        QueueItem comment = own(id, user);
        model.addAttribute("comment", comment);
        model.addAttribute("request", reviews.of(id).orElse(null));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ReviewForm(""));
        }
        return REVIEW_VIEW;
    }

    @PostMapping("/comments/{id}/review")
    String review(@PathVariable long id, @Valid @ModelAttribute("form") ReviewForm form, BindingResult errors,
            @AuthenticationPrincipal AccountUser user, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        own(id, user);
        if (!errors.hasErrors()) {
            try {
                reviews.request(user.id(), id, form.note());
                flash.addFlashAttribute("notice", "moderation.review.sent");
                return "redirect:/account/comments";
            } catch (CommentRejectedException e) {
                model.addAttribute("error", messages.getMessage(e.code(), e.args(), LocaleContextHolder.getLocale()));
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return reviewForm(id, user, model);
    }

    @PostMapping("/account/warnings/{id}/acknowledge")
    String acknowledge(@PathVariable long id, @RequestParam(required = false) String back,
            @AuthenticationPrincipal AccountUser user, RedirectAttributes flash) {
        sanctions.find(user.id(), id).orElseThrow(() -> new NotFoundException("warning " + id));
        sanctions.acknowledge(user.id(), id);
        flash.addFlashAttribute("notice", "moderation.warning.acknowledged");
        return "redirect:" + ContinuePaths.safeOr(back, "/account/comments");
    }

    private QueueItem own(long id, AccountUser user) {
        QueueItem comment = queues.item(id);
        if (comment.authorId() == null || comment.authorId() != user.id() || !comment.rejected()
                && reviews.of(id).isEmpty()) {
            throw new NotFoundException("comment " + id);
        }
        return comment;
    }
}
