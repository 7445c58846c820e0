package org.broadsheet.account.web;

import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.AccountViews.PublicProfile;
import org.broadsheet.shared.Datelines;
import org.broadsheet.shared.NotFoundException;
import org.broadsheet.shared.PagedResult;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.View;
import org.springframework.web.util.UriUtils;

/**
 * A reader's public profile at {@code /users/{username}}: name, badges, bio and recent comments, or only the
 * name when they keep their profile private.
 */
@Controller
class ProfileController {

    static final String VIEW = "account/profile";
    static final int COMMENTS_PER_PAGE = 20;

    private final AccountService accounts;
    private final Datelines datelines;

    ProfileController(AccountService accounts, Datelines datelines) {
        this.accounts = accounts;
        this.datelines = datelines;
    }

    @GetMapping("/users/{username}")
    String profile(@PathVariable String username, HttpServletRequest request, Model model) {
        PublicProfile profile = accounts.publicProfile(username)
                .orElseThrow(() -> new NotFoundException("user " + username));
        if (!profile.username().equals(username)) {
            // Usernames are matched ignoring case; each profile has one address.
            request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.MOVED_PERMANENTLY);
            return "redirect:/users/" + UriUtils.encodePathSegment(profile.username(), "UTF-8");
        }
        model.addAttribute("profile", profile);
        // Whole seconds: an HTML datetime allows at most three decimals, and the clock may give six.
        model.addAttribute("memberSince", profile.memberSince() == null ? null
                : datelines.of(profile.memberSince().truncatedTo(ChronoUnit.SECONDS)));
        model.addAttribute("bio", paragraphs(profile.bio()));
        // The comments module fills this with the reader's recent comments, a page at a time.
        model.addAttribute("comments", new PagedResult<>(List.of(), 1, COMMENTS_PER_PAGE, 0));
        return VIEW;
    }

    private static List<String> paragraphs(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
