package org.broadsheet.moderation.web;

import java.security.Principal;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.broadsheet.account.AccountService;
import org.broadsheet.comment.CommentDecisions;
import org.broadsheet.comment.CommentRejectedException;
import org.broadsheet.comment.DecisionConflictException;
import org.broadsheet.comment.ModerationQueues;
import org.broadsheet.comment.ModerationQueues.Filter;
import org.broadsheet.comment.ModerationQueues.Order;
import org.broadsheet.comment.ModerationQueues.Queue;
import org.broadsheet.comment.ModerationQueues.QueueItem;
import org.broadsheet.comment.RejectReason;
import org.broadsheet.moderation.PremoderatedArticles;
import org.broadsheet.moderation.ReviewRequests;
import org.broadsheet.shared.web.ContinuePaths;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The moderation desk's queues ({@code /admin/moderation}, moderators and administrators): Pending, Reported,
 * Approved, Rejected and Review requests, with their counts and filters, and the decisions on one comment.
 * A decision that another moderator made first is refused with their name, and nothing is overwritten.
 */
@Controller
class ModerationDeskController {

    static final String QUEUE_VIEW = "moderation/queue";
    static final String COMMENT_VIEW = "moderation/comment";
    static final String DESK = "/admin/moderation";

    private final ModerationQueues queues;
    private final CommentDecisions decisions;
    private final ReviewRequests reviews;
    private final AccountService accounts;
    private final PremoderatedArticles premoderated;

    ModerationDeskController(ModerationQueues queues, CommentDecisions decisions, ReviewRequests reviews,
            AccountService accounts, PremoderatedArticles premoderated) {
        this.premoderated = premoderated;
        this.queues = queues;
        this.decisions = decisions;
        this.reviews = reviews;
        this.accounts = accounts;
    }

    /** A queue as the page shows it: the tab, the filters as typed, and the address of this very view. */
    record QueueView(String tab, Long article, String author, String q, String sort, int page) {

        String url(int toPage) {
            UriComponentsBuilder url = UriComponentsBuilder.fromPath(DESK).queryParam("tab", tab);
            Optional.ofNullable(article).ifPresent(a -> url.queryParam("article", a));
            Optional.ofNullable(author).filter(a -> !a.isBlank()).ifPresent(a -> url.queryParam("author", a));
            Optional.ofNullable(q).filter(w -> !w.isBlank()).ifPresent(w -> url.queryParam("q", w));
            if ("reports".equals(sort)) {
                url.queryParam("sort", sort);
            }
            if (toPage > 1) {
                url.queryParam("page", toPage);
            }
            return url.encode().build().toUriString();
        }

        public String here() {
            return url(page);
        }

        public String pageUrl(int toPage) {
            return url(toPage);
        }

        public String withoutArticle() {
            return new QueueView(tab, null, author, q, sort, 1).url(1);
        }

        public String tabUrl(String other) {
            return new QueueView(other, article, author, q, sort, 1).url(1);
        }
    }

    @GetMapping(DESK)
    String queue(@RequestParam(defaultValue = "pending") String tab, @RequestParam(required = false) Long article,
            @RequestParam(required = false) String author, @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "newest") String sort, @RequestParam(defaultValue = "1") int page,
            Model model) {
        if (page < 1) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page");
        }
        QueueView view = new QueueView(tab, article, author, q, sort, page);
        model.addAttribute("view", view);
        model.addAttribute("counts", queues.counts());
        model.addAttribute("reviewCount", reviews.openCount());
        model.addAttribute("reasons", RejectReason.values());
        // Filtered by one article: its pre-moderation can be switched here too.
        model.addAttribute("articlePremoderated", article != null && premoderated.premoderated(article));
        if ("reviews".equals(tab)) {
            model.addAttribute("reviews", reviews.open(page));
            return QUEUE_VIEW;
        }
        Queue queue = switch (tab) {
            case "pending" -> Queue.PENDING;
            case "reported" -> Queue.REPORTED;
            case "approved" -> Queue.APPROVED;
            case "rejected" -> Queue.REJECTED;
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown queue");
        };
        Long authorId = null;
        if (author != null && !author.isBlank()) {
            authorId = accounts.idOf(author.strip()).orElse(-1L);
        }
        model.addAttribute("items", queues.page(queue, new Filter(article, authorId, q),
                "reports".equals(sort) ? Order.MOST_REPORTED : Order.NEWEST, page));
        return QUEUE_VIEW;
    }

    @GetMapping(DESK + "/comments/{id}")
    String comment(@PathVariable long id, Model model) {
        QueueItem item = queues.item(id);
        model.addAttribute("item", item);
        model.addAttribute("reasons", RejectReason.values());
        model.addAttribute("review", reviews.of(id).orElse(null));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", RejectForm.empty(item.version()));
        }
        return COMMENT_VIEW;
    }

    @PostMapping(DESK + "/comments/{id}/approve")
    String approve(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String back,
            Principal moderator, RedirectAttributes flash) {
        try {
            decisions.approve(id, version, moderator.getName());
            flash.addFlashAttribute("notice", "moderation.approved");
        } catch (DecisionConflictException e) {
            conflict(flash, e);
            return "redirect:" + DESK + "/comments/" + id;
        }
        return "redirect:" + ContinuePaths.safeOr(back, DESK);
    }

    @PostMapping(DESK + "/comments/{id}/reject")
    String reject(@PathVariable long id, @Valid @ModelAttribute("form") RejectForm form, BindingResult errors,
            Principal moderator, Model model, RedirectAttributes flash, HttpServletResponse response) {
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return comment(id, model);
        }
        try {
            decisions.reject(id, form.version(), form.reason(), form.note(), moderator.getName());
            flash.addFlashAttribute("notice", "moderation.rejected");
        } catch (DecisionConflictException e) {
            conflict(flash, e);
            return "redirect:" + DESK + "/comments/" + id;
        }
        return "redirect:" + ContinuePaths.safeOr(form.back(), DESK);
    }

    @PostMapping(DESK + "/comments/{id}/pick")
    String pick(@PathVariable long id, @RequestParam(required = false) String back, Principal moderator,
            RedirectAttributes flash) {
        decisions.pick(id, true, moderator.getName());
        flash.addFlashAttribute("notice", "moderation.picked");
        return "redirect:" + ContinuePaths.safeOr(back, DESK + "/comments/" + id);
    }

    @PostMapping(DESK + "/comments/{id}/unpick")
    String unpick(@PathVariable long id, @RequestParam(required = false) String back, Principal moderator,
            RedirectAttributes flash) {
        decisions.pick(id, false, moderator.getName());
        flash.addFlashAttribute("notice", "moderation.unpicked");
        return "redirect:" + ContinuePaths.safeOr(back, DESK + "/comments/" + id);
    }

    @PostMapping(DESK + "/reviews/{id}")
    String decideReview(@PathVariable long id, @RequestParam String outcome, Principal moderator,
            RedirectAttributes flash) {
        boolean approve = switch (outcome) {
            case "approve" -> true;
            case "uphold" -> false;
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown outcome");
        };
        try {
            reviews.decide(id, approve, moderator.getName());
            flash.addFlashAttribute("notice", approve ? "moderation.review.approved" : "moderation.review.upheld");
        } catch (CommentRejectedException e) {
            flash.addFlashAttribute("notice", e.code());
        } catch (DecisionConflictException e) {
            conflict(flash, e);
        }
        return "redirect:" + DESK + "?tab=reviews";
    }

    private static void conflict(RedirectAttributes flash, DecisionConflictException e) {
        flash.addFlashAttribute("notice", "moderation.conflict." + e.decision());
        flash.addFlashAttribute("noticeName", e.decidedBy() == null ? "?" : e.decidedBy());
    }
}
