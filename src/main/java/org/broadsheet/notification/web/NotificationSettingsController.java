package org.broadsheet.notification.web;

import jakarta.servlet.http.HttpServletResponse;

import org.broadsheet.account.AccountUser;
import org.broadsheet.notification.NotificationService;
import org.broadsheet.notification.NotificationService.LinkState;
import org.broadsheet.notification.NotificationService.Unsubscribing;
import org.broadsheet.notification.push.PushService;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How a reader is told: their choices per kind at {@code /account/notifications}, and the signed link in every
 * notification mail that stops that kind of mail without signing in. The link's page asks before it stops
 * anything (mail scanners open links); a mail client's one-click POST (RFC 8058) stops it at once.
 */
@Controller
class NotificationSettingsController {

    static final String VIEW = "notification/settings";
    static final String UNSUBSCRIBE_VIEW = "notification/unsubscribe";

    private final NotificationService notifications;
    private final PushService push;

    NotificationSettingsController(NotificationService notifications, PushService push) {
        this.notifications = notifications;
        this.push = push;
    }

    @GetMapping("/account/notifications")
    String settings(@AuthenticationPrincipal AccountUser user, Model model) {
        model.addAttribute("choices", notifications.choices(user.id()));
        model.addAttribute("push", push.enabled());
        model.addAttribute("devices", push.devices(user.id()));
        return VIEW;
    }

    @PostMapping("/account/notifications")
    String save(@ModelAttribute PreferencesForm form, @AuthenticationPrincipal AccountUser user,
            RedirectAttributes flash) {
        // Without push on the site there is no push column: the kinds chosen for push stay as they were.
        notifications.choose(user.id(), form.site(), form.email(), push.enabled() ? form.push() : null,
                form.digest());
        flash.addFlashAttribute("notice", "notifications.settings.saved");
        return "redirect:/account/notifications";
    }

    @GetMapping("/notifications/unsubscribe")
    String confirm(@RequestParam(defaultValue = "") String account, @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String expires, @RequestParam(defaultValue = "") String signature,
            Model model, HttpServletResponse response) {
        Unsubscribing answer = notifications.checkLink(account, kind, expires, signature);
        return page(answer, false, model, response);
    }

    /** The page's button, or a mail client's one-click POST ({@code List-Unsubscribe=One-Click} in the body). */
    @PostMapping("/notifications/unsubscribe")
    String unsubscribe(@RequestParam(defaultValue = "") String account, @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String expires, @RequestParam(defaultValue = "") String signature,
            Model model, HttpServletResponse response) {
        Unsubscribing answer = notifications.unsubscribe(account, kind, expires, signature);
        return page(answer, answer.state() == LinkState.VALID, model, response);
    }

    private static String page(Unsubscribing answer, boolean done, Model model, HttpServletResponse response) {
        if (answer.state() != LinkState.VALID) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        model.addAttribute("answer", answer);
        model.addAttribute("done", done);
        return UNSUBSCRIBE_VIEW;
    }
}
