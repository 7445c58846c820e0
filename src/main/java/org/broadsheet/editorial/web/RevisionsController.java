package org.broadsheet.editorial.web;

import java.security.Principal;

import org.broadsheet.article.ArticleDrafts;
import org.broadsheet.article.ArticleRevisions;
import org.broadsheet.article.EditRefusedException;
import org.broadsheet.article.EditConflictException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An article's revisions at {@code /admin/articles/{id}/revisions}: who saved each and when, a side-by-side
 * comparison of any two, and restoring one (saved as a new revision).
 */
@Controller
class RevisionsController {

    static final String LIST_VIEW = "editorial/revisions";
    static final String DIFF_VIEW = "editorial/revision-diff";

    private final ArticleDrafts drafts;
    private final ArticleRevisions revisions;

    RevisionsController(ArticleDrafts drafts, ArticleRevisions revisions) {
        this.drafts = drafts;
        this.revisions = revisions;
    }

    @GetMapping("/admin/articles/{id}/revisions")
    String list(@PathVariable long id, Model model) {
        model.addAttribute("current", drafts.load(id));
        model.addAttribute("revisions", revisions.revisions(id));
        return LIST_VIEW;
    }

    /** Compares two revisions; by default the newest with the one before it. */
    @GetMapping("/admin/articles/{id}/revisions/compare")
    String compare(@PathVariable long id, @RequestParam(required = false) Integer from,
            @RequestParam(required = false) Integer to, Model model) {
        model.addAttribute("diff", revisions.diff(id, from, to));
        return DIFF_VIEW;
    }

    @PostMapping("/admin/articles/{id}/revisions/{number}/restore")
    String restore(@PathVariable long id, @PathVariable int number, @RequestParam long version, Principal editor,
            RedirectAttributes redirect) {
        try {
            revisions.restore(id, number, version, editor.getName());
            redirect.addFlashAttribute(ArticleFormController.NOTICE, "editor.restored");
            redirect.addFlashAttribute("noticeName", number);
            return "redirect:/admin/articles/" + id + "/edit";
        } catch (EditConflictException | OptimisticLockingFailureException e) {
            redirect.addFlashAttribute(ArticleFormController.NOTICE, "editor.restore.conflict");
        } catch (EditRefusedException e) {
            redirect.addFlashAttribute(ArticleFormController.NOTICE, e.messageKey());
        }
        return "redirect:/admin/articles/" + id + "/revisions";
    }
}
