package org.broadsheet.editorial.web;

import org.broadsheet.article.EditRefusedException;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the desk's forms share: turning a refusal into a form error, the notice after a save, and putting a
 * changed form object (one that now holds a stored upload) in the model with its errors.
 */
final class DeskForms {

    static final String NOTICE = "notice";
    static final String NOTICE_NAME = "noticeName";

    private DeskForms() {
    }

    static void reject(BindingResult errors, EditRefusedException refusal) {
        if (refusal.field() == null) {
            errors.reject(refusal.messageKey());
        } else {
            errors.rejectValue(refusal.field(), refusal.messageKey());
        }
    }

    /**
     * Puts {@code form} in the model in place of the posted one, with the errors found so far; replacing the
     * model's form object would otherwise drop them. Returns where further errors go.
     */
    static BindingResult replaceForm(Model model, String name, Object form, BindingResult errors) {
        BindingResult moved = new BeanPropertyBindingResult(form, name);
        moved.addAllErrors(errors);
        model.addAttribute(name, form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, moved);
        return moved;
    }

    static String done(RedirectAttributes flash, String notice, String name, String target) {
        flash.addFlashAttribute(NOTICE, notice);
        flash.addFlashAttribute(NOTICE_NAME, name);
        return "redirect:" + target;
    }
}
