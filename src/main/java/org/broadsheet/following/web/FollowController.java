package org.broadsheet.following.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

import org.broadsheet.account.AccountUser;
import org.broadsheet.comment.CommentService;
import org.broadsheet.following.FollowRefusedException;
import org.broadsheet.following.FollowService;
import org.broadsheet.shared.NotFoundException;
import org.broadsheet.shared.web.ContinuePaths;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * Following readers (from their profile and from each of their comments) and stories (from an article's
 * comments), the lists of a reader's followers and of whom they follow, and the Following page. Every button is
 * a plain form that comes back to where it was pressed with a notice; the buttons of comments and stories also
 * answer JSON, for the page's script to change them in place.
 */
@Controller
class FollowController {

    static final String FEED_VIEW = "following/feed";
    static final String PEOPLE_VIEW = "following/people";
    static final int MAX_PAGE = 10_000;

    private final FollowService follows;
    private final CommentService comments;
    private final MessageSource messages;

    FollowController(FollowService follows, CommentService comments, MessageSource messages) {
        this.follows = follows;
        this.comments = comments;
        this.messages = messages;
    }

    @PostMapping("/users/{username}/follow")
    String follow(@PathVariable String username, @AuthenticationPrincipal AccountUser user,
            RedirectAttributes flash) {
        long id = follows.readerId(username);
        act(flash, "follow.done", () -> follows.follow(user.id(), id));
        return "redirect:" + profile(username);
    }

    @PostMapping("/users/{username}/unfollow")
    String unfollow(@PathVariable String username, @AuthenticationPrincipal AccountUser user,
            RedirectAttributes flash) {
        long id = follows.readerId(username);
        act(flash, "follow.ended", () -> follows.unfollow(user.id(), id));
        return "redirect:" + profile(username);
    }

    @PostMapping("/comments/{id}/follow-author")
    String followAuthor(@PathVariable long id, @RequestParam(required = false) String back,
            @AuthenticationPrincipal AccountUser user, RedirectAttributes flash) {
        act(flash, "follow.done", () -> follows.followAuthorOf(user.id(), id));
        return "redirect:" + ContinuePaths.safeOr(back, "/comments/" + id + "#comment-" + id);
    }

    @PostMapping("/comments/{id}/unfollow-author")
    String unfollowAuthor(@PathVariable long id, @RequestParam(required = false) String back,
            @AuthenticationPrincipal AccountUser user, RedirectAttributes flash) {
        act(flash, "follow.ended", () -> follows.unfollowAuthorOf(user.id(), id));
        return "redirect:" + ContinuePaths.safeOr(back, "/comments/" + id + "#comment-" + id);
    }

    // The same four buttons for the page's script: JSON with the new state and the notice to announce.

    @PostMapping(path = "/comments/{id}/follow-author", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> followAuthorInPlace(@PathVariable long id,
            @AuthenticationPrincipal AccountUser user) {
        return inPlace(true, () -> message("follow.done", follows.followAuthorOf(user.id(), id)));
    }

    @PostMapping(path = "/comments/{id}/unfollow-author", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> unfollowAuthorInPlace(@PathVariable long id,
            @AuthenticationPrincipal AccountUser user) {
        return inPlace(false, () -> message("follow.ended", follows.unfollowAuthorOf(user.id(), id)));
    }

    @PostMapping(path = "/articles/{id}/follow", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> followStoryInPlace(@PathVariable long id,
            @AuthenticationPrincipal AccountUser user) {
        return inPlace(true, () -> {
            follows.followStory(user.id(), id);
            return message("follow.story.done");
        });
    }

    @PostMapping(path = "/articles/{id}/unfollow", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> unfollowStoryInPlace(@PathVariable long id,
            @AuthenticationPrincipal AccountUser user) {
        return inPlace(false, () -> {
            follows.unfollowStory(user.id(), id);
            return message("follow.story.ended");
        });
    }

    private ResponseEntity<Map<String, Object>> inPlace(boolean following, Supplier<String> action) {
        try {
            return ResponseEntity.ok(Map.of("following", following, "notice", action.get()));
        } catch (FollowRefusedException e) {
            return ResponseEntity.unprocessableContent().body(Map.of("error", message(e.code())));
        }
    }

    @PostMapping("/articles/{id}/follow")
    String followStory(@PathVariable long id, @RequestParam(required = false) String back,
            @AuthenticationPrincipal AccountUser user, RedirectAttributes flash) {
        follows.followStory(user.id(), id);
        flash.addFlashAttribute("notice", "follow.story.done");
        return "redirect:" + ContinuePaths.safeOr(back, comments.article(id).url() + "#comments");
    }

    @PostMapping("/articles/{id}/unfollow")
    String unfollowStory(@PathVariable long id, @RequestParam(required = false) String back,
            @AuthenticationPrincipal AccountUser user, RedirectAttributes flash) {
        follows.unfollowStory(user.id(), id);
        flash.addFlashAttribute("notice", "follow.story.ended");
        return "redirect:" + ContinuePaths.safeOr(back, comments.article(id).url() + "#comments");
    }

    @GetMapping("/following")
    String feed(@RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal AccountUser user, Model model) {
        checkPage(page);
        model.addAttribute("feed", follows.feed(user.id(), page));
        model.addAttribute("counts", follows.counts(user.id()));
        return FEED_VIEW;
    }

    @GetMapping("/users/{username}/followers")
    String followers(@PathVariable String username, @RequestParam(defaultValue = "1") int page,
            @AuthenticationPrincipal AccountUser user, Model model) {
        return people(username, true, page, user, model);
    }

    @GetMapping("/users/{username}/following")
    String following(@PathVariable String username, @RequestParam(defaultValue = "1") int page,
            @AuthenticationPrincipal AccountUser user, Model model) {
        return people(username, false, page, user, model);
    }

    private String people(String username, boolean followers, int page, AccountUser user, Model model) {
        checkPage(page);
        FollowService.PeoplePage people = follows.people(username, followers, user == null ? null : user.id(), page);
        model.addAttribute("list", people);
        model.addAttribute("heading", messages.getMessage(followers ? "follow.followers.title" : "follow.following.title",
                new Object[] { people.displayName() }, LocaleContextHolder.getLocale()));
        model.addAttribute("baseUrl", profile(people.username()) + (followers ? "/followers" : "/following"));
        return PEOPLE_VIEW;
    }

    private static void act(RedirectAttributes flash, String done, Supplier<String> action) {
        try {
            flash.addFlashAttribute("noticeName", action.get());
            flash.addFlashAttribute("notice", done);
        } catch (FollowRefusedException e) {
            flash.addFlashAttribute("notice", e.code());
        }
    }

    private String message(String code, Object... args) {
        return messages.getMessage(code, args, LocaleContextHolder.getLocale());
    }

    private static void checkPage(int page) {
        if (page < 1 || page > MAX_PAGE) {
            throw new NotFoundException("page " + page);
        }
    }

    private static String profile(String username) {
        return "/users/" + UriUtils.encodePathSegment(username, StandardCharsets.UTF_8);
    }
}
