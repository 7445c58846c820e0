package org.broadsheet.account.web;

import jakarta.servlet.http.HttpSession;

import org.broadsheet.account.AccountUser;
import org.broadsheet.shared.web.ContinuePaths;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page. Spring Security checks the form it posts (see the security configuration); this only
 * shows it, with one message for any failure so that nobody learns which accounts exist.
 */
@Controller
class SignInController {

    static final String VIEW = "account/sign-in";
    // Set by the security configuration's failure handler, so the name typed is kept.
    static final String SIGN_IN_USERNAME = "signInUsername";

    @GetMapping("/login")
    String signIn(@RequestParam(name = "continue", required = false) String next,
            @AuthenticationPrincipal AccountUser user, HttpSession session, Model model) {
        String safeNext = ContinuePaths.safe(next);
        if (user != null) {
            return "redirect:" + (safeNext != null ? safeNext : "/");
        }
        Object typed = session.getAttribute(SIGN_IN_USERNAME);
        session.removeAttribute(SIGN_IN_USERNAME);
        model.addAttribute("username", typed instanceof String name ? name : "");
        model.addAttribute("continuePath", safeNext);
        return VIEW;
    }
}
