package org.broadsheet.editorial.web;

import org.broadsheet.article.EditRefusedException;
import org.springframework.validation.BindingResult;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What the catalogue's pages share: turning a refusal into a form error, and the notice after a save. */
final class CatalogueForms {

    static final String NOTICE = "notice";
    static final String NOTICE_NAME = "noticeName";

    private CatalogueForms() {
    }

    static void reject(BindingResult errors, EditRefusedException refusal) {
        if (refusal.field() == null) {
            errors.reject(refusal.messageKey());
        } else {
            errors.rejectValue(refusal.field(), refusal.messageKey());
        }
    }

    static String done(RedirectAttributes flash, String notice, String name, String target) {
        flash.addFlashAttribute(NOTICE, notice);
        flash.addFlashAttribute(NOTICE_NAME, name);
        return "redirect:" + target;
    }
}
