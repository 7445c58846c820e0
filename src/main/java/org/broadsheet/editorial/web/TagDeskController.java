package org.broadsheet.editorial.web;

import java.security.Principal;

import jakarta.validation.Valid;

import org.broadsheet.article.Catalogue.TagUse;
import org.broadsheet.article.EditRefusedException;
import org.broadsheet.article.TagCatalogue;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Tags at {@code /admin/tags} (editors and administrators): every tag with the number of articles carrying it,
 * a form to add one, renaming, and deleting a tag no article carries.
 */
@Controller
class TagDeskController {

    static final String LIST_VIEW = "editorial/tags";
    static final String FORM_VIEW = "editorial/tag-form";

    private final TagCatalogue catalogue;

    TagDeskController(TagCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/admin/tags")
    String list(Model model) {
        model.addAttribute("form", TagForm.empty());
        model.addAttribute("tags", catalogue.tags());
        return LIST_VIEW;
    }

    @PostMapping("/admin/tags")
    String create(@Valid @ModelAttribute("form") TagForm form, BindingResult errors, Principal editor,
            RedirectAttributes flash, Model model) {
        if (!errors.hasErrors()) {
            try {
                catalogue.saveTag(null, form.name(), form.slug(), editor.getName());
                return DeskForms.done(flash, "catalogue.tag.created", form.name().strip(), "/admin/tags");
            } catch (EditRefusedException e) {
                DeskForms.reject(errors, e);
            }
        }
        model.addAttribute("tags", catalogue.tags());
        return LIST_VIEW;
    }

    @GetMapping("/admin/tags/{id:\\d+}")
    String edit(@PathVariable long id, Model model) {
        TagUse tag = catalogue.tag(id);
        model.addAttribute("tag", tag);
        model.addAttribute("form", TagForm.of(tag));
        return FORM_VIEW;
    }

    @PostMapping("/admin/tags/{id:\\d+}")
    String rename(@PathVariable long id, @Valid @ModelAttribute("form") TagForm form, BindingResult errors,
            Principal editor, RedirectAttributes flash, Model model) {
        model.addAttribute("tag", catalogue.tag(id));
        if (!errors.hasErrors()) {
            try {
                catalogue.saveTag(id, form.name(), form.slug(), editor.getName());
                return DeskForms.done(flash, "catalogue.tag.saved", form.name().strip(), "/admin/tags");
            } catch (EditRefusedException e) {
                DeskForms.reject(errors, e);
            }
        }
        return FORM_VIEW;
    }

    @PostMapping("/admin/tags/{id:\\d+}/delete")
    String delete(@PathVariable long id, Principal editor, RedirectAttributes flash, Model model) {
        try {
            return DeskForms.done(flash, "catalogue.tag.deleted", catalogue.deleteTag(id, editor.getName()),
                    "/admin/tags");
        } catch (EditRefusedException e) {
            TagUse tag = catalogue.tag(id);
            model.addAttribute("tag", tag);
            model.addAttribute("form", TagForm.of(tag));
            model.addAttribute("deleteRefused", e.messageKey());
            return FORM_VIEW;
        }
    }
}
