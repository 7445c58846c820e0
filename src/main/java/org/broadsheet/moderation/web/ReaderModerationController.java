package org.broadsheet.moderation.web;

import java.security.Principal;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.AccountViews.Commenter;
import org.broadsheet.comment.CommentRecords;
import org.broadsheet.comment.ModerationQueues;
import org.broadsheet.comment.ModerationQueues.Filter;
import org.broadsheet.comment.ModerationQueues.Order;
import org.broadsheet.comment.ModerationQueues.Queue;
import org.broadsheet.comment.RejectReason;
import org.broadsheet.moderation.ReaderRecords;
import org.broadsheet.moderation.Sanctions;
import org.broadsheet.shared.NotFoundException;
import org.springframework.http.HttpStatus;
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
 * A reader's history for moderators ({@code /admin/moderation/readers/{username}}): their comments in every
 * state, their rejection rate, past and present sanctions, the moderators' private notes, and the forms that warn,
 * suspend, ban, lift a sanction, write a note and mark the reader as trusted.
 */
@Controller
class ReaderModerationController {

    static final String VIEW = "moderation/reader";
    private static final String PATH = ModerationDeskController.DESK + "/readers/";

    private final AccountService accounts;
    private final ModerationQueues queues;
    private final Sanctions sanctions;
    private final ReaderRecords records;
    private final CommentRecords commentRecords;

    ReaderModerationController(AccountService accounts, ModerationQueues queues, Sanctions sanctions,
            ReaderRecords records, CommentRecords commentRecords) {
        this.accounts = accounts;
        this.queues = queues;
        this.sanctions = sanctions;
        this.records = records;
        this.commentRecords = commentRecords;
    }

    @GetMapping(PATH + "{username}")
    String reader(@PathVariable String username, @RequestParam(defaultValue = "1") int page, Model model) {
        Commenter reader = reader(username);
        model.addAttribute("reader", reader);
        model.addAttribute("record", commentRecords.of(reader.id()));
        model.addAttribute("comments", queues.page(Queue.ALL, new Filter(null, reader.id(), null), Order.NEWEST,
                Math.max(1, page)));
        model.addAttribute("sanctions", sanctions.history(reader.id()));
        model.addAttribute("notes", records.notes(reader.id()));
        model.addAttribute("trusted", records.trusted(reader.id()));
        model.addAttribute("kinds", Sanctions.Kind.values());
        model.addAttribute("reasons", RejectReason.values());
        if (!model.containsAttribute("sanction")) {
            model.addAttribute("sanction", SanctionForm.empty());
        }
        if (!model.containsAttribute("note")) {
            model.addAttribute("note", new NoteForm(""));
        }
        return VIEW;
    }

    @PostMapping(PATH + "{username}/sanctions")
    String impose(@PathVariable String username, @Valid @ModelAttribute("sanction") SanctionForm form,
            BindingResult errors, Principal moderator, Model model, RedirectAttributes flash,
            HttpServletResponse response) {
        Commenter reader = reader(username);
        form.check(errors);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return reader(username, 1, model);
        }
        sanctions.impose(reader.id(), form.kind(), form.reason(),
                form.kind() == Sanctions.Kind.SUSPENSION ? form.days() : null, moderator.getName());
        flash.addFlashAttribute("notice", "moderation.sanction.done." + form.kind().key());
        flash.addFlashAttribute("noticeName", reader.displayName());
        return "redirect:" + PATH + reader.username();
    }

    @PostMapping(PATH + "{username}/sanctions/{id}/lift")
    String lift(@PathVariable String username, @PathVariable long id, Principal moderator, RedirectAttributes flash) {
        Commenter reader = reader(username);
        sanctions.lift(reader.id(), id, moderator.getName());
        flash.addFlashAttribute("notice", "moderation.sanction.lifted");
        flash.addFlashAttribute("noticeName", reader.displayName());
        return "redirect:" + PATH + reader.username();
    }

    @PostMapping(PATH + "{username}/notes")
    String note(@PathVariable String username, @Valid @ModelAttribute("note") NoteForm form, BindingResult errors,
            Principal moderator, Model model, RedirectAttributes flash, HttpServletResponse response) {
        Commenter reader = reader(username);
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return reader(username, 1, model);
        }
        records.note(reader.id(), form.body(), moderator.getName());
        flash.addFlashAttribute("notice", "moderation.note.done");
        return "redirect:" + PATH + reader.username() + "#notes";
    }

    @PostMapping(PATH + "{username}/trust")
    String trust(@PathVariable String username, @RequestParam boolean trusted, Principal moderator,
            RedirectAttributes flash) {
        Commenter reader = reader(username);
        records.trust(reader.id(), trusted, moderator.getName());
        flash.addFlashAttribute("notice", trusted ? "moderation.trusted" : "moderation.untrusted");
        flash.addFlashAttribute("noticeName", reader.displayName());
        return "redirect:" + PATH + reader.username();
    }

    private Commenter reader(String username) {
        long id = accounts.idOf(username).orElseThrow(() -> new NotFoundException("reader " + username));
        Commenter reader = accounts.commenters(List.of(id)).get(id);
        if (reader == null) {
            throw new NotFoundException("reader " + username);
        }
        return reader;
    }
}
