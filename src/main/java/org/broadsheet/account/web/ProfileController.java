package org.broadsheet.account.web;

import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.broadsheet.account.AccountService;
import org.broadsheet.account.AccountViews.PublicProfile;
import org.broadsheet.account.ProfileComments;
import org.broadsheet.account.ProfileComments.RecentComment;
import org.broadsheet.shared.Datelines;
import org.broadsheet.shared.NotFoundException;
import org.broadsheet.shared.PagedResult;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
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
    static final int MAX_PAGE = 10_000;

    private final AccountService accounts;
    private final Datelines datelines;
    private final ObjectProvider<ProfileComments> comments;

    ProfileController(AccountService accounts, Datelines datelines, ObjectProvider<ProfileComments> comments) {
        this.accounts = accounts;
        this.datelines = datelines;
        this.comments = comments;
    }

    @GetMapping("/users/{username}")
    String profile(@PathVariable String username, @RequestParam(defaultValue = "1") int page,
            HttpServletRequest request, Model model) {
        if (page < 1 || page > MAX_PAGE) {
            throw new NotFoundException("page " + page);
        }
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
        model.addAttribute("comments", recentComments(profile, page));
        return VIEW;
    }

    private PagedResult<RecentComment> recentComments(PublicProfile profile, int page) {
        ProfileComments recent = comments.getIfAvailable();
        PagedResult<RecentComment> none = new PagedResult<>(List.of(), 1, COMMENTS_PER_PAGE, 0);
        if (recent == null || !profile.visible()) {
            return none;
        }
        return accounts.idOf(profile.username()).map(id -> recent.recent(id, page, COMMENTS_PER_PAGE)).orElse(none);
    }

    private static List<String> paragraphs(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
