package org.broadsheet.notification.web;

import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.account.AccountUser;
import org.broadsheet.notification.NotificationService;
import org.broadsheet.shared.NotFoundException;
import org.broadsheet.shared.web.ContinuePaths;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The notification centre at {@code /notifications}: the reader's notifications, newest first, unread ones marked;
 * opening one marks it read and goes to the comment in its thread; one or all can be marked read; and the live
 * stream that updates the header's count in open pages.
 */
@Controller
class NotificationController {

    static final String VIEW = "notification/centre";
    static final int MAX_PAGE = 10_000;

    private final NotificationService notifications;
    private final NotificationStreams streams;

    NotificationController(NotificationService notifications, NotificationStreams streams) {
        this.notifications = notifications;
        this.streams = streams;
    }

    /** The live stream of the reader's unread count and newest notification (Server-Sent Events). */
    @GetMapping(path = "/notifications/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@AuthenticationPrincipal AccountUser user, HttpServletResponse response) {
        // Never kept by a proxy, never buffered by nginx.
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Accel-Buffering", "no");
        return streams.open(user.id());
    }

    @GetMapping("/notifications")
    String centre(@RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal AccountUser user,
            Model model) {
        if (page < 1 || page > MAX_PAGE) {
            throw new NotFoundException("page " + page);
        }
        model.addAttribute("notifications", notifications.page(user.id(), page));
        model.addAttribute("unread", notifications.unreadCount(user.id()));
        return VIEW;
    }

    /**
     * Opening a notification is a link, so that it works as links do (a new tab, a mail's link); it marks it
     * read. That a page elsewhere could make a reader's browser open one, and so mark it read, is accepted: it
     * reveals and loses nothing.
     */
    @GetMapping("/notifications/{id}/open")
    String open(@PathVariable long id, @AuthenticationPrincipal AccountUser user) {
        return "redirect:" + notifications.open(user.id(), id);
    }

    @PostMapping("/notifications/{id}/read")
    String read(@PathVariable long id, @RequestParam(required = false) String back,
            @AuthenticationPrincipal AccountUser user) {
        notifications.markRead(user.id(), id);
        return "redirect:" + ContinuePaths.safeOr(back, "/notifications");
    }

    @PostMapping("/notifications/read-all")
    String readAll(@AuthenticationPrincipal AccountUser user, RedirectAttributes flash) {
        notifications.markAllRead(user.id());
        flash.addFlashAttribute("notice", "notifications.all-read");
        return "redirect:/notifications";
    }
}
