package org.broadsheet.notification.web;

import java.util.Map;

import org.broadsheet.account.AccountUser;
import org.broadsheet.notification.push.PushRefusedException;
import org.broadsheet.notification.push.PushService;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A reader's devices for browser push: the page's script stores what the browser's {@code PushManager} gave
 * (JSON, with the form token in a header), and the choices page removes a device with a plain form.
 */
@Controller
class PushController {

    private final PushService push;
    private final MessageSource messages;

    PushController(PushService push, MessageSource messages) {
        this.push = push;
        this.messages = messages;
    }

    /** What {@code PushSubscription.toJSON()} gives. */
    record Subscription(String endpoint, Keys keys) {
    }

    record Keys(String p256dh, String auth) {
    }

    @PostMapping(path = "/account/push-subscriptions", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> subscribe(@RequestBody Subscription subscription,
            @RequestHeader(name = "User-Agent", required = false) String agent,
            @AuthenticationPrincipal AccountUser user) {
        try {
            long id = push.subscribe(user.id(), subscription.endpoint(),
                    subscription.keys() == null ? null : subscription.keys().p256dh(),
                    subscription.keys() == null ? null : subscription.keys().auth(), Devices.name(agent));
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
        } catch (PushRefusedException e) {
            return ResponseEntity.unprocessableContent().body(Map.of("error",
                    messages.getMessage(e.code(), null, LocaleContextHolder.getLocale())));
        }
    }

    @PostMapping("/account/push-subscriptions/{id}/remove")
    String remove(@PathVariable long id, @AuthenticationPrincipal AccountUser user, RedirectAttributes flash) {
        flash.addFlashAttribute("notice", push.remove(user.id(), id) ? "push.removed" : "push.not-yours");
        return "redirect:/account/notifications#devices";
    }
}
