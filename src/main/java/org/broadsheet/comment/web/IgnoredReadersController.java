package org.broadsheet.comment.web;

import org.broadsheet.account.AccountUser;
import org.broadsheet.comment.IgnoredReaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The readers a reader ignores, listed in their account settings, each with a button to stop ignoring them. */
@Controller
class IgnoredReadersController {

    static final String VIEW = "comment/ignored";

    private final IgnoredReaders ignored;

    IgnoredReadersController(IgnoredReaders ignored) {
        this.ignored = ignored;
    }

    @GetMapping("/account/ignored")
    String list(@AuthenticationPrincipal AccountUser user, Model model) {
        model.addAttribute("ignored", ignored.of(user.id()));
        return VIEW;
    }

    @PostMapping("/account/ignored/remove")
    String remove(@RequestParam String username, @AuthenticationPrincipal AccountUser user,
            RedirectAttributes flash) {
        flash.addFlashAttribute("notice", "ignored.removed");
        flash.addFlashAttribute("noticeName", ignored.unignore(user.id(), username));
        return "redirect:/account/ignored";
    }
}
