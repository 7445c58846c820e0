package org.broadsheet.moderation.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.broadsheet.moderation.Sanctions;
import org.broadsheet.moderation.Sanctions.Kind;
import org.springframework.validation.Errors;

/** A warning, suspension or ban as the reader's page posts it; a suspension needs its number of days. */
record SanctionForm(
        @NotNull(message = "{moderation.sanction.kind.required}") Kind kind,
        @NotBlank(message = "{moderation.sanction.reason.required}")
        @Size(max = Sanctions.MAX_REASON, message = "{moderation.sanction.reason.size}") String reason,
        @Min(value = 1, message = "{moderation.sanction.days.range}")
        @Max(value = Sanctions.MAX_DAYS, message = "{moderation.sanction.days.range}") Integer days) {

    SanctionForm {
        reason = reason == null ? null : reason.strip();
    }

    static SanctionForm empty() {
        return new SanctionForm(null, "", 7);
    }

    /** The rule that spans fields, beside the Bean Validation of each: a suspension without days cannot end. */
    void check(Errors errors) {
        if (kind == Kind.SUSPENSION && days == null && !errors.hasFieldErrors("days")) {
            errors.rejectValue("days", "moderation.sanction.days.required");
        }
    }
}
