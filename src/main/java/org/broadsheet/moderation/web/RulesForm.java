package org.broadsheet.moderation.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.broadsheet.moderation.ModerationSettings;
import org.broadsheet.moderation.ModerationSettings.Rules;

/** The rules that hold comments, as the desk's form posts them. */
record RulesForm(
        @NotNull(message = "{moderation.rules.count.range}")
        @Min(value = 0, message = "{moderation.rules.count.range}")
        @Max(value = ModerationSettings.MAX_COUNT, message = "{moderation.rules.count.range}") Integer newAccountHolds,
        @NotNull(message = "{moderation.rules.count.range}")
        @Min(value = 0, message = "{moderation.rules.count.range}")
        @Max(value = ModerationSettings.MAX_COUNT, message = "{moderation.rules.count.range}") Integer trustedAfter,
        boolean holdLinks,
        boolean holdUnverified) {

    static RulesForm of(Rules rules) {
        return new RulesForm(rules.newAccountHolds(), rules.trustedAfter(), rules.holdLinks(), rules.holdUnverified());
    }

    Rules rules() {
        return new Rules(newAccountHolds, trustedAfter, holdLinks, holdUnverified);
    }
}
