package org.broadsheet.editorial.web;

import java.security.Principal;

import jakarta.validation.Valid;

import org.broadsheet.article.Catalogue.SectionDetails;
import org.broadsheet.article.EditRefusedException;
import org.broadsheet.article.SectionCatalogue;
import org.broadsheet.article.SectionEditing;
import org.broadsheet.article.StaleEditException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Sections at {@code /admin/sections} (editors and administrators): the hierarchy in front-page order, and the
 * form that creates and edits a section, its parent and its place on the front page.
 */
@Controller
class SectionDeskController {

    static final String LIST_VIEW = "editorial/sections";
    static final String FORM_VIEW = "editorial/section-form";

    private final SectionCatalogue catalogue;
    private final SectionEditing editing;

    SectionDeskController(SectionCatalogue catalogue, SectionEditing editing) {
        this.catalogue = catalogue;
        this.editing = editing;
    }

    @GetMapping("/admin/sections")
    String list(Model model) {
        model.addAttribute("sections", catalogue.sections());
        return LIST_VIEW;
    }

    @GetMapping("/admin/sections/new")
    String blank(Model model) {
        model.addAttribute("form", SectionForm.empty());
        model.addAttribute("parents", catalogue.parentChoices(null));
        return FORM_VIEW;
    }

    @PostMapping("/admin/sections/new")
    String create(@Valid @ModelAttribute("form") SectionForm form, BindingResult errors, Principal editor,
            RedirectAttributes flash, Model model) {
        model.addAttribute("parents", catalogue.parentChoices(null));
        return save(null, form, errors, editor, flash, model);
    }

    @GetMapping("/admin/sections/{id:\\d+}")
    String edit(@PathVariable long id, Model model) {
        SectionDetails section = catalogue.section(id);
        model.addAttribute("section", section);
        model.addAttribute("parents", catalogue.parentChoices(id));
        model.addAttribute("form", SectionForm.of(section));
        return FORM_VIEW;
    }

    @PostMapping("/admin/sections/{id:\\d+}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") SectionForm form, BindingResult errors,
            Principal editor, RedirectAttributes flash, Model model) {
        model.addAttribute("section", catalogue.section(id));
        model.addAttribute("parents", catalogue.parentChoices(id));
        return save(id, form, errors, editor, flash, model);
    }

    private String save(Long id, SectionForm form, BindingResult errors, Principal editor, RedirectAttributes flash,
            Model model) {
        if (errors.hasErrors()) {
            return FORM_VIEW;
        }
        try {
            editing.saveSection(id, form.change(), editor.getName());
            return DeskForms.done(flash, id == null ? "catalogue.section.created" : "catalogue.section.saved",
                    form.name().strip(), "/admin/sections");
        } catch (EditRefusedException e) {
            DeskForms.reject(errors, e);
        } catch (StaleEditException e) {
            // The editor's input stays, over the version now saved: saving again is a deliberate overwrite.
            SectionDetails current = catalogue.section(id);
            model.addAttribute("section", current);
            model.addAttribute("stale", SectionForm.of(current));
            model.addAttribute("form", form.over(current.version()));
        }
        return FORM_VIEW;
    }
}
