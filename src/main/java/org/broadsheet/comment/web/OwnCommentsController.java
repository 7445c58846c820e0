package org.broadsheet.comment.web;

import java.time.Instant;

import org.broadsheet.account.AccountUser;
import org.broadsheet.comment.OwnComments;
import org.broadsheet.shared.NotFoundException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.broadsheet.comment.ModerationRules;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** "My comments" at {@code /account/comments}: the reader's own comments with their state and latest replies. */
@Controller
class OwnCommentsController {

    static final String VIEW = "comment/own";
    static final int MAX_PAGE = 10_000;

    private final OwnComments own;
    private final ObjectProvider<ModerationRules> rules;

    OwnCommentsController(OwnComments own, ObjectProvider<ModerationRules> rules) {
        this.own = own;
        this.rules = rules;
    }

    @GetMapping("/account/comments")
    String list(@RequestParam(defaultValue = "1") int page, @RequestParam(required = false) Long since,
            @AuthenticationPrincipal AccountUser user, Model model) {
        if (page < 1 || page > MAX_PAGE) {
            throw new NotFoundException("page " + page);
        }
        OwnComments.OwnPage mine = own.page(user.id(), page, since == null ? null : Instant.ofEpochSecond(since));
        model.addAttribute("comments", mine.comments());
        ModerationRules moderation = rules.getIfAvailable();
        model.addAttribute("sanction", moderation == null ? null : moderation.notice(user.id()));
        model.addAttribute("pagesUrl", "/account/comments?since=" + mine.newSince().getEpochSecond());
        return VIEW;
    }
}
