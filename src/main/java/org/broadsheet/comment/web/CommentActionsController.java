package org.broadsheet.comment.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.account.AccountUser;
import org.broadsheet.comment.CommentRejectedException;
import org.broadsheet.comment.CommentEditing;
import org.broadsheet.comment.CommentReports;
import org.broadsheet.comment.CommentService;
import org.broadsheet.comment.IgnoredReaders;
import org.broadsheet.comment.Recommendations;
import org.broadsheet.comment.CommentViews.CommentInContext;
import org.broadsheet.comment.ReportReason;
import org.broadsheet.shared.NotFoundException;
import org.broadsheet.shared.web.ContinuePaths;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
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
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What a signed-in reader does to one comment: edit or delete their own, recommend, report or ignore its author.
 * Each works as a plain form; recommending also answers JSON for the page's script.
 */
@Controller
class CommentActionsController {

    static final String EDIT_VIEW = "comment/edit";
    static final String DELETE_VIEW = "comment/delete";
    static final String REPORT_VIEW = "comment/report";
    static final String NOTICE_VIEW = "comment/notice";

    private final CommentService comments;
    private final CommentEditing editing;
    private final CommentReports reports;
    private final Recommendations recommendations;
    private final IgnoredReaders ignored;
    private final MessageSource messages;

    CommentActionsController(CommentService comments, CommentEditing editing, CommentReports reports,
            Recommendations recommendations, IgnoredReaders ignored, MessageSource messages) {
        this.comments = comments;
        this.editing = editing;
        this.reports = reports;
        this.recommendations = recommendations;
        this.ignored = ignored;
        this.messages = messages;
    }

    @GetMapping("/comments/{id}/edit")
    String editForm(@PathVariable long id, @AuthenticationPrincipal AccountUser user, Model model) {
        try {
            CommentInContext context = comments.editable(user.id(), id);
            model.addAttribute("context", context);
            model.addAttribute("text", context.text());
            return EDIT_VIEW;
        } catch (CommentRejectedException e) {
            return notice(model, comments.inContext(id), e);
        }
    }

    @PostMapping("/comments/{id}/edit")
    String edit(@PathVariable long id, @RequestParam(defaultValue = "") String text,
            @AuthenticationPrincipal AccountUser user, Model model, HttpServletResponse response) {
        try {
            editing.edit(user.id(), id, text);
            return "redirect:/comments/" + id + "#comment-" + id;
        } catch (CommentRejectedException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("context", comments.inContext(id));
            model.addAttribute("text", text);
            model.addAttribute("error", message(e));
            return EDIT_VIEW;
        }
    }

    @GetMapping("/comments/{id}/delete")
    String deleteForm(@PathVariable long id, @AuthenticationPrincipal AccountUser user, Model model) {
        model.addAttribute("context", comments.deletable(user.id(), id));
        return DELETE_VIEW;
    }

    @PostMapping("/comments/{id}/delete")
    String delete(@PathVariable long id, @AuthenticationPrincipal AccountUser user, RedirectAttributes flash) {
        long articleId = editing.delete(user.id(), id);
        flash.addFlashAttribute("notice", "comment.deleted.done");
        return "redirect:" + comments.article(articleId).url() + "#comments";
    }

    @GetMapping("/comments/{id}/report")
    String reportForm(@PathVariable long id, Model model) {
        model.addAttribute("context", visible(id));
        model.addAttribute("form", new ReportForm(null, null));
        model.addAttribute("reasons", ReportReason.values());
        return REPORT_VIEW;
    }

    @PostMapping("/comments/{id}/report")
    String report(@PathVariable long id, @ModelAttribute("form") ReportForm form,
            @AuthenticationPrincipal AccountUser user, Model model, HttpServletResponse response,
            RedirectAttributes flash) {
        String error;
        try {
            if (form.reason() == null) {
                throw new CommentRejectedException("comment.report.reason.required");
            }
            reports.report(user.id(), id, form.reason(), form.note());
            flash.addFlashAttribute("notice", "comment.report.done");
            return "redirect:/comments/" + id + "#comment-" + id;
        } catch (CommentRejectedException e) {
            error = message(e);
        } catch (DataIntegrityViolationException e) {
            // The same reader's report arriving twice at once: the first one counts.
            error = messages.getMessage("comment.report.already", null, LocaleContextHolder.getLocale());
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("context", visible(id));
        model.addAttribute("reasons", ReportReason.values());
        model.addAttribute("error", error);
        return REPORT_VIEW;
    }

    @PostMapping(path = "/comments/{id}/recommend", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Object> recommendInPlace(@PathVariable long id, @AuthenticationPrincipal AccountUser user) {
        try {
            return ResponseEntity.ok(recommendations.toggle(user.id(), id));
        } catch (CommentRejectedException e) {
            return ResponseEntity.unprocessableContent().body(Map.of("error", message(e)));
        }
    }

    @PostMapping("/comments/{id}/recommend")
    String recommend(@PathVariable long id, @RequestParam(required = false) String back,
            @AuthenticationPrincipal AccountUser user, Model model, HttpServletResponse response) {
        try {
            recommendations.toggle(user.id(), id);
            return "redirect:" + ContinuePaths.safeOr(back, "/comments/" + id + "#comment-" + id);
        } catch (CommentRejectedException e) {
            return refused(model, response, comments.inContext(id), e);
        }
    }

    @PostMapping("/comments/{id}/ignore-author")
    String ignoreAuthor(@PathVariable long id, @RequestParam(required = false) String back,
            @AuthenticationPrincipal AccountUser user, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        try {
            String name = ignored.ignoreAuthorOf(user.id(), id);
            flash.addFlashAttribute("notice", "comment.ignore.done");
            flash.addFlashAttribute("noticeName", name);
        } catch (CommentRejectedException e) {
            return refused(model, response, comments.inContext(id), e);
        } catch (DataIntegrityViolationException e) {
            // The same request twice at once: the first one ignored the reader already.
        }
        return "redirect:" + ContinuePaths.safeOr(back, "/comments/" + id + "#comment-" + id);
    }

    private CommentInContext visible(long id) {
        CommentInContext context = comments.inContext(id);
        if (context.comment().deleted()) {
            throw new NotFoundException("comment " + id);
        }
        return context;
    }

    /** A refused action: the page that says why, answered 422 like every other refused form. */
    private String refused(Model model, HttpServletResponse response, CommentInContext context,
            CommentRejectedException e) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return notice(model, context, e);
    }

    private String notice(Model model, CommentInContext context, CommentRejectedException e) {
        model.addAttribute("context", context);
        model.addAttribute("error", message(e));
        return NOTICE_VIEW;
    }

    private String message(CommentRejectedException e) {
        return messages.getMessage(e.code(), e.args(), LocaleContextHolder.getLocale());
    }
}
