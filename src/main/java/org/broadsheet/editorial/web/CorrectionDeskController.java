package org.broadsheet.editorial.web;

import java.security.Principal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.broadsheet.article.CorrectionKind;
import org.broadsheet.article.CorrectionService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The editors' corrections form at {@code /admin/articles/{id}/corrections}: the notes an article already has,
 * and a form to add a correction, update or clarification to it once it is published.
 */
@Controller
class CorrectionDeskController {

    static final String VIEW = "editorial/corrections";
    static final String FORM = "correctionForm";

    private final CorrectionService corrections;

    CorrectionDeskController(CorrectionService corrections) {
        this.corrections = corrections;
    }

    @GetMapping("/admin/articles/{id}/corrections")
    String form(@PathVariable long id, Model model) {
        model.addAttribute(FORM, CorrectionForm.empty());
        return page(id, model);
    }

    @PostMapping("/admin/articles/{id}/corrections")
    String add(@PathVariable long id, @Valid @ModelAttribute(FORM) CorrectionForm form, BindingResult errors,
            Principal editor, Model model, HttpServletResponse response, RedirectAttributes flash) {
        if (!errors.hasErrors()) {
            try {
                corrections.add(id, form.kind(), form.note(), editor.getName());
                flash.addFlashAttribute("notice", "correction.added");
                return "redirect:/admin/articles/" + id + "/corrections";
            } catch (CorrectionService.NotPublishedException e) {
                // Unpublished since the form was opened: the page now says why it cannot be corrected.
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page(id, model);
    }

    private String page(long id, Model model) {
        model.addAttribute("desk", corrections.desk(id));
        model.addAttribute("kinds", CorrectionKind.values());
        return VIEW;
    }
}
