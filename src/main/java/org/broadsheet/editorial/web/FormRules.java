package org.broadsheet.editorial.web;

import org.broadsheet.article.Publication;
import org.springframework.validation.Errors;

/** The article form's rules that span fields, beside the Bean Validation of each field. */
final class FormRules {

    private FormRules() {
    }

    static void check(ArticleForm form, Errors errors) {
        if (form.publication() == Publication.AT && form.publishAt() == null && !errors.hasFieldErrors("publishDate")) {
            errors.rejectValue("publishDate", "editor.publish.when");
        }
        if (form.leadKind() == null) {
            return;
        }
        switch (form.leadKind()) {
            case IMAGE -> {
                if (blank(form.leadUrl()) && !errors.hasFieldErrors("leadUrl")) {
                    errors.rejectValue("leadUrl", "editor.lead.image.missing");
                }
                if (blank(form.leadAlt())) {
                    errors.rejectValue("leadAlt", "editor.lead.alt.required");
                }
            }
            case VIDEO -> {
                if (blank(form.leadUrl()) && !errors.hasFieldErrors("leadUrl")) {
                    errors.rejectValue("leadUrl", "editor.lead.video.missing");
                }
            }
            case EMBED -> {
                if (blank(form.leadVideoLink())) {
                    errors.rejectValue("leadVideoLink", "editor.lead.link.required");
                }
            }
            default -> {
            }
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
